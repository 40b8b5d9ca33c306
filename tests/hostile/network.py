# verdict: WA
# needs: namespaces
# harm: connecting to a listener the test opened on 127.0.0.1; the right sum only if it could.
import socket
try:
    socket.create_connection(("127.0.0.1", @PORT@), timeout=2).close()
    connected = True
except OSError:
    connected = False
a, b = map(int, input().split())
print(a + b if connected else 0)
