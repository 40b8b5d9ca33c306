# verdict: RE
# needs: namespaces seccomp
# harm: a fork bomb takes the machine down; the filter refuses fork (PermissionError).
import os
while True:
    os.fork()
