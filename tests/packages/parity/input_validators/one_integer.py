# The input is one integer with |n| <= 10^12 on one line: exit 42 when it is, 43 when not.
import sys

text = sys.stdin.read()
try:
    n = int(text)
    ok = text.endswith("\n") and text.count("\n") == 1 and abs(n) <= 10**12
except ValueError:
    ok = False
if not ok:
    print("not one integer of at most 10^12 on one line", file=sys.stderr)
sys.exit(42 if ok else 43)
