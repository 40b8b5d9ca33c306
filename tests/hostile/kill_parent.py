# verdict: AC
# needs: namespaces
# harm: kill(getppid()) and kill(-1) would take the judge down; it must judge the sum printed after.
import os, signal
for pid in (os.getppid(), -1):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
a, b = map(int, input().split())
print(a + b)
