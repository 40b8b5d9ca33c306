# Wrong answer: the 1-D loop runs capacity upwards, so an item can be taken again (unbounded knapsack).
from typing import List


class Solution:
    def knapsack01(self, capacity: int, weights: List[int], values: List[int]) -> int:
        best = [0] * (capacity + 1)
        for w, v in zip(weights, values):
            for c in range(w, capacity + 1):  # best[c - w] may already hold this item
                best[c] = max(best[c], best[c - w] + v)
        return best[capacity]  # example-1: five copies of (10, 60) give 300, not 220
