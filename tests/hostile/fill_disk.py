# verdict: OLE
# needs: namespaces
# harm: filling the disk; only the private /tmp is writable, and it stops at the file-size limit.
block = b"x" * (1 << 20)
for path in ("@ROOT@/big", "big", "/tmp/@TOKEN@"):
    try:
        with open(path, "wb") as f:
            for _ in range(1 << 14):
                f.write(block)
    except OSError as e:
        last = e
raise last
