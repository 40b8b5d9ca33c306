# Wrong answer: compares neighbours of the unsorted array ([3,6,9,1] gives 8, not 3).
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        best = 0
        for i in range(1, len(nums)):
            best = max(best, abs(nums[i] - nums[i - 1]))
        return best
