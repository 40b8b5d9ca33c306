# Wrong: the pair adds up to n + 1.
n = int(input())
print(n, 1)
