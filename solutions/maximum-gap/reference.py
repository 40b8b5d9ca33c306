# Reference: pigeonhole buckets, O(n) time and O(n) extra space, no sorting.
#
# With n >= 2 values spanning [lo, hi], the largest successive gap is at least
# w = ceil((hi - lo) / (n - 1)); values in one bucket of width w differ by less than that, so the
# answer is always between the maximum of one non-empty bucket and the minimum of the next.
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        n = len(nums)
        if n < 2:
            return 0
        lo, hi = min(nums), max(nums)
        if lo == hi:
            return 0
        width = -(-(hi - lo) // (n - 1))  # ceil, >= 1
        count = (hi - lo) // width + 1  # <= n
        mins = [None] * count
        maxs = [None] * count
        for x in nums:
            b = (x - lo) // width
            m = mins[b]
            if m is None:
                mins[b] = maxs[b] = x
            elif x < m:
                mins[b] = x
            elif x > maxs[b]:
                maxs[b] = x
        best = 0
        previous_max = lo
        for m, M in zip(mins, maxs):
            if m is not None:
                if m - previous_max > best:
                    best = m - previous_max
                previous_max = M
        return best
