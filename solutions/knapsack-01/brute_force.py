# Brute force: every subset, built one item at a time; a subset already over the capacity is
# dropped, since adding items never makes it lighter. Exponential: small cases only.
from typing import List


class Solution:
    def knapsack01(self, capacity: int, weights: List[int], values: List[int]) -> int:
        subsets = [(0, 0)]  # (weight, value) of every subset of the items so far that fits
        for w, v in zip(weights, values):
            subsets += [(sw + w, sv + v) for sw, sv in subsets if sw + w <= capacity]
        return max(sv for _, sv in subsets)
