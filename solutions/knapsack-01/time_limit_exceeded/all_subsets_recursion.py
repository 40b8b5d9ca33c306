# Time limit exceeded: correct, but tries every subset (take or skip each item), O(2^n): hopeless at n = 1000.
from typing import List


class Solution:
    def knapsack01(self, capacity: int, weights: List[int], values: List[int]) -> int:
        def best(i: int, left: int) -> int:
            if i == len(weights):
                return 0
            skip = best(i + 1, left)
            if weights[i] > left:
                return skip
            return max(skip, values[i] + best(i + 1, left - weights[i]))

        return best(0, capacity)
