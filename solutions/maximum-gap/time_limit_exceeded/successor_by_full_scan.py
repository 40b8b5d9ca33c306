# Time limit exceeded: correct, but finds each value's successor by scanning the whole array, O(n^2).
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        best = 0
        for x in nums:
            successor = None  # the smallest value greater than x
            for y in nums:
                if y > x and (successor is None or y < successor):
                    successor = y
            if successor is not None:
                best = max(best, successor - x)
        return best
