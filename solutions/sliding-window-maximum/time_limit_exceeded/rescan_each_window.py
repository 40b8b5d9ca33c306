# Time limit exceeded: correct, but takes max() of each window's slice, O(n * k): 2.5 * 10^11 comparisons at the largest size.
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
