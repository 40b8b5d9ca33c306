# The textbook search with sys.stdout.write and an explicit flush after each line.
import sys

n = int(sys.stdin.readline())
lo, hi = 1, n
while lo <= hi:
    mid = (lo + hi) // 2
    sys.stdout.write(f"? {mid}\n")
    sys.stdout.flush()
    reply = sys.stdin.readline().strip()
    if reply == "=":
        sys.stdout.write(f"! {mid}\n")
        sys.stdout.flush()
        break
    if reply == "<":
        hi = mid - 1
    else:
        lo = mid + 1
