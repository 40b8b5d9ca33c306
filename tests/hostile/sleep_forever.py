# verdict: TLE
# needs:
# harm: sleeping forever holds the judge; the wall-clock limit ends it and nothing is left.
import time
while True:
    time.sleep(1000)
