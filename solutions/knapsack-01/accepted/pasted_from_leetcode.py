# Accepted: pasted as is (no import of List); one list comprehension per item, about 2 s at most.
class Solution:
    def knapsack01(self, capacity: int, weights: List[int], values: List[int]) -> int:
        dp = [0] * (capacity + 1)
        for w, v in zip(weights, values):
            if w <= capacity:
                dp[w:] = [x if x > y + v else y + v for x, y in zip(dp[w:], dp)]
        return dp[capacity]
