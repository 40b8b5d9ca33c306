# Expects the reply to be a number (the difference, say), but it is "<", ">" or "=": int()
# raises ValueError after the first query.
n = int(input())
lo, hi = 1, n
while lo <= hi:
    mid = (lo + hi) // 2
    print("?", mid, flush=True)
    difference = int(input())
    if difference == 0:
        print("!", mid, flush=True)
        break
    if difference < 0:
        hi = mid - 1
    else:
        lo = mid + 1
