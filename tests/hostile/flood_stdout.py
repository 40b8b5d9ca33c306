# verdict: OLE
# needs:
# harm: endless output on stdout fills the disk; the file-size limit stops it.
while True:
    print("flood flood flood flood flood flood flood flood")
