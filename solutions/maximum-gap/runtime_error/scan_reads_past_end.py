# Runtime error: the scan runs one step too far and nums[i + 1] raises IndexError.
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        nums.sort()
        best = 0
        for i in range(len(nums)):
            best = max(best, nums[i + 1] - nums[i])
        return best
