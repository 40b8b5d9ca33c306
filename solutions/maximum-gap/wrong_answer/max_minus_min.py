# Wrong answer: returns the range max - min, the sum of all gaps, not the largest one.
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        return max(nums) - min(nums)
