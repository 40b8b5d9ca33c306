# verdict: WA
# needs: namespaces
# harm: running as root (the judge is root here); the right sum only if it is.
import os
a, b = map(int, input().split())
print(a + b if os.geteuid() == 0 or os.getuid() == 0 else 0)
