# Accepted: input() per line is fine for 1001 lines; one list comprehension per item, about 2 s at most.
n, V = map(int, input().split())
dp = [0] * (V + 1)
for _ in range(n):
    w, v = map(int, input().split())
    if w <= V:
        dp[w:] = [x if x > y + v else y + v for x, y in zip(dp[w:], dp)]
print(dp[V])
