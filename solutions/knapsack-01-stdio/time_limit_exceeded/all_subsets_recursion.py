# Time limit exceeded: correct, but tries every subset (take or skip each item), O(2^n): hopeless at n = 1000.
import sys

sys.setrecursionlimit(10000)
data = list(map(int, sys.stdin.read().split()))
n, V = data[0], data[1]
w, v = data[2::2], data[3::2]


def best(i, left):
    if i == n:
        return 0
    skip = best(i + 1, left)
    if w[i] > left:
        return skip
    return max(skip, v[i] + best(i + 1, left - w[i]))


print(best(0, V))
