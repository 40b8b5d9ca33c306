# Valid inputs are one positive integer: data/secret/2.in (-1) is not, so the import fails.
import sys

ok = int(sys.stdin.read()) > 0
if not ok:
    print("not positive", file=sys.stderr)
sys.exit(42 if ok else 43)
