# verdict: WA
# needs: namespaces
# harm: creating files outside its directory and deleting victim.txt; the right sum only if it could.
import os
harmed = False
for path in ("@ROOT@/pwned.txt", "pwned.txt"):
    try:
        with open(path, "w") as f:
            f.write("pwned")
        harmed = True
    except OSError:
        pass
try:
    with open("/tmp/@TOKEN@", "w") as f:
        f.write("pwned")
except OSError:
    pass
try:
    os.unlink("@ROOT@/victim.txt")
    harmed = True
except OSError:
    pass
a, b = map(int, input().split())
print(a + b if harmed else 0)
