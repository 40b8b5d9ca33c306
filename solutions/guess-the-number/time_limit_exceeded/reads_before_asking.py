# Waits for a reply to a question it never asked: the interactor waits for a query, this
# program waits for a line, until the wall-clock limit ends it.
n = int(input())
lo, hi = 1, n
while lo <= hi:
    reply = input().strip()
    mid = (lo + hi) // 2
    print("?", mid, flush=True)
    if reply == "=":
        print("!", mid, flush=True)
        break
    if reply == "<":
        hi = mid - 1
    else:
        lo = mid + 1
