# Treats "=" like ">", so the hidden number, once asked about, is thrown out of the range.
n = int(input())
lo, hi = 1, n
while lo < hi:
    mid = (lo + hi) // 2
    print("?", mid, flush=True)
    if input().strip() == "<":
        hi = mid - 1
    else:
        lo = mid + 1
print("!", lo, flush=True)
