# verdict: WA
# needs: namespaces exec-once
# harm: exec of /bin/sh, which would compute the sum (AC) and leave a file and a sleeper behind.
import os
try:
    os.execv("/bin/sh", ["sh", "-c", "read a b; echo $((a+b)); touch @ROOT@/sh-ran; exec sleep 1000 @TOKEN@"])
except OSError:
    print(0)
