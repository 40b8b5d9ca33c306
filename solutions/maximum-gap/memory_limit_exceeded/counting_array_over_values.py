# Memory limit exceeded: marks values in a list as long as the value range, 8 GB at 10^9.
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        if len(nums) < 2:
            return 0
        seen = [False] * (max(nums) + 1)  # right for small values, MemoryError at 10^9
        for x in nums:
            seen[x] = True
        best, previous = 0, None
        for v, present in enumerate(seen):
            if present:
                if previous is not None:
                    best = max(best, v - previous)
                previous = v
        return best
