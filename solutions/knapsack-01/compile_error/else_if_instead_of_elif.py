# Compile error: "else if" as in C++ is a SyntaxError in Python, which spells it elif.
from typing import List


class Solution:
    def knapsack01(self, capacity: int, weights: List[int], values: List[int]) -> int:
        best = [0] * (capacity + 1)
        for w, v in zip(weights, values):
            if w > capacity:
                continue
            else if w == 0:
                continue
            best[w:] = [a if a > b + v else b + v for a, b in zip(best[w:], best)]
        return best[capacity]
