# Memory limit exceeded: the textbook (N + 1) x (V + 1) table is 800 MB of list slots at N = 1000, V = 10^5.
import sys

data = list(map(int, sys.stdin.read().split()))
n, V = data[0], data[1]
dp = [[0] * (V + 1) for _ in range(n + 1)]
for i in range(1, n + 1):
    w, v = data[2 * i], data[2 * i + 1]
    previous, row = dp[i - 1], dp[i]
    row[:w] = previous[:w]
    row[w:] = [a if a > b + v else b + v for a, b in zip(previous[w:], previous)]
print(dp[n][V])
