# Memory limit exceeded: the textbook (n + 1) x (capacity + 1) table is 800 MB of list slots at n = 1000, capacity = 10^5.
from typing import List


class Solution:
    def knapsack01(self, capacity: int, weights: List[int], values: List[int]) -> int:
        n = len(weights)
        dp = [[0] * (capacity + 1) for _ in range(n + 1)]
        for i in range(1, n + 1):
            w, v = weights[i - 1], values[i - 1]
            previous, row = dp[i - 1], dp[i]
            row[:w] = previous[:w]
            row[w:] = [a if a > b + v else b + v for a, b in zip(previous[w:], previous)]
        return dp[n][capacity]
