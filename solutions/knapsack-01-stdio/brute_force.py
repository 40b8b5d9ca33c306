# Brute force: every subset, built one item at a time; a subset already over the capacity is
# dropped, since adding items never makes it lighter. Exponential: small cases only.
import sys

numbers = list(map(int, sys.stdin.read().split()))
n, capacity = numbers[0], numbers[1]
subsets = [(0, 0)]  # (weight, value) of every subset of the items so far that fits
for i in range(n):
    w, v = numbers[2 + 2 * i], numbers[3 + 2 * i]
    subsets += [(sw + w, sv + v) for sw, sv in subsets if sw + w <= capacity]
print(max(sv for _, sv in subsets))
