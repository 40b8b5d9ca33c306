# verdict: RE
# needs: namespaces
# harm: endless threads exhaust the machine's tasks; the run's cap stops them (RuntimeError).
import threading, time
while True:
    threading.Thread(target=time.sleep, args=(1000,), daemon=True).start()
