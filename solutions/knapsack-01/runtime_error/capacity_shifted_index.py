# Runtime error: stores capacity c at dp[c - 1]; capacity 0 makes dp empty and dp[-1] raises IndexError.
from typing import List


class Solution:
    def knapsack01(self, capacity: int, weights: List[int], values: List[int]) -> int:
        dp = [0] * capacity  # dp[c - 1]: the best value within capacity c, for c = 1..capacity
        for w, v in zip(weights, values):
            for c in range(capacity, w - 1, -1):
                rest = 0 if c == w else dp[c - w - 1]
                dp[c - 1] = max(dp[c - 1], rest + v)
        return dp[capacity - 1]  # edge/capacity-zero: IndexError
