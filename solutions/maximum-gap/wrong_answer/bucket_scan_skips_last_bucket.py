# Wrong answer: the bucket loop stops one bucket short, losing the maximum ([13,1,7,7,2]: 5, not 6).
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        n = len(nums)
        if n < 2:
            return 0
        lo, hi = min(nums), max(nums)
        if lo == hi:
            return 0
        width = max(1, (hi - lo) // (n - 1))
        count = (hi - lo) // width + 1
        low = [None] * count
        high = [None] * count
        for x in nums:
            b = (x - lo) // width
            low[b] = x if low[b] is None else min(low[b], x)
            high[b] = x if high[b] is None else max(high[b], x)
        best, previous = 0, high[0]
        for b in range(1, count - 1):
            if low[b] is not None:
                best = max(best, low[b] - previous)
                previous = high[b]
        return best
