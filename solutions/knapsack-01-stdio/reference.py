# Reference: the 1-D 0/1 knapsack DP, O(N * V) time and O(V) memory, as a full program.
#
# best[c] is the largest value of a subset of the items read so far whose weight is at most c.
# An item of weight w and value v updates best[w:] at once from a copy of the old row, which is
# what the C++ loop running c downwards achieves: each item is taken at most once. One list
# comprehension per item keeps the inner loop to a few bytecodes a cell (about 45 ns).
import sys


def main() -> None:
    numbers = list(map(int, sys.stdin.buffer.read().split()))
    n, capacity = numbers[0], numbers[1]
    best = [0] * (capacity + 1)
    for i in range(n):
        w, v = numbers[2 + 2 * i], numbers[3 + 2 * i]
        if w > capacity:
            continue
        # zip(best[w:], best) pairs best[c] with best[c - w], both from before this item.
        best[w:] = [t if (t := b + v) > a else a for a, b in zip(best[w:], best)]
    print(best[capacity])


main()
