# Reference: the 1-D 0/1 knapsack DP, O(n * capacity) time and O(capacity) memory.
#
# best[c] is the largest value of a subset of the items seen so far whose weight is at most c.
# An item of weight w and value v updates best[w:] all at once from a copy of the old row, which
# is what the C++ loop running c downwards achieves: each item is taken at most once. One list
# comprehension per item keeps the inner loop to a few bytecodes a cell (about 45 ns, 2 s for the
# largest test's 5 * 10^7 cells); a nested for loop with max() is several times slower.
from typing import List


class Solution:
    def knapsack01(self, capacity: int, weights: List[int], values: List[int]) -> int:
        best = [0] * (capacity + 1)
        for w, v in zip(weights, values):
            if w > capacity:
                continue
            # zip(best[w:], best) pairs best[c] with best[c - w], both from before this item.
            best[w:] = [t if (t := b + v) > a else a for a, b in zip(best[w:], best)]
        return best[capacity]
