# Wrong answer: greedy by value per weight is right for the fractional knapsack only (example-1: 160, not 220).
import sys

data = list(map(int, sys.stdin.read().split()))
n, capacity = data[0], data[1]
items = [(data[2 + 2 * i], data[3 + 2 * i]) for i in range(n)]
items.sort(key=lambda item: item[1] / item[0], reverse=True)
total = 0
for w, v in items:
    if w <= capacity:
        capacity -= w
        total += v
print(total)
