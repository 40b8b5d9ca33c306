# Memory limit exceeded: counting sort over [min, max], fine for LeetCode's values (|x| <= 10^4),
# but edge/beyond-leetcode-range spans 4 * 10^9 values: a 32 GB list (MemoryError).
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        lo, hi = min(nums), max(nums)
        count = [0] * (hi - lo + 1)
        for x in nums:
            count[x - lo] += 1
        for v in range(hi, lo - 1, -1):
            k -= count[v - lo]
            if k <= 0:
                return v
        return lo
