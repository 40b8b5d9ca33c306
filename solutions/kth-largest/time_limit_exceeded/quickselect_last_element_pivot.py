# Time limit exceeded: textbook quickselect, Lomuto partition around the last element. On an
# all-equal array (performance/constant-1e6) every round peels off one element: O(n^2).
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        lo, hi, target = 0, len(nums) - 1, len(nums) - k
        while lo < hi:
            pivot, i = nums[hi], lo
            for j in range(lo, hi):
                if nums[j] <= pivot:
                    nums[i], nums[j] = nums[j], nums[i]
                    i += 1
            nums[i], nums[hi] = nums[hi], nums[i]
            if i == target:
                return nums[i]
            if i < target:
                lo = i + 1
            else:
                hi = i - 1
        return nums[lo]
