# Brute force: straight from the definition, O(n^2). The k-th largest is the value x with fewer
# than k values above it and at least k values at or above it.
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        for x in nums:
            above = sum(1 for y in nums if y > x)
            at_or_above = sum(1 for y in nums if y >= x)
            if above < k <= at_or_above:
                return x
        raise ValueError("k is out of range")
