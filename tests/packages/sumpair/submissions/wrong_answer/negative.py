# Wrong: adds up to n, but the validator's "nonnegative" flag refuses -1.
n = int(input())
print(n + 1, -1)
