# Compile error: the for statement lacks its colon, a SyntaxError before anything runs.
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        nums.sort()
        best = 0
        for i in range(1, len(nums))
            best = max(best, nums[i] - nums[i - 1])
        return best
