# Runtime error: stores capacity c at dp[c - 1]; capacity 0 makes dp empty and dp[-1] raises IndexError.
n, V = map(int, input().split())
dp = [0] * V  # dp[c - 1]: the best value within capacity c, for c = 1..V
for _ in range(n):
    w, v = map(int, input().split())
    for c in range(V, w - 1, -1):
        dp[c - 1] = max(dp[c - 1], (0 if c == w else dp[c - w - 1]) + v)
print(dp[V - 1])  # edge/capacity-zero: IndexError
