# verdict: OLE
# needs:
# harm: endless output on stderr fills the disk; the file-size limit stops it.
import sys
while True:
    sys.stderr.write("flood flood flood flood flood flood flood flood\n")
