# verdict: WA
# needs: namespaces
# harm: reading the test answers and the README by absolute path; the right sum only if it could.
a, b = map(int, input().split())
seen = False
for path in ("@ROOT@/testcases/sum/01.json", "@ROOT@/README.md"):
    try:
        open(path).read()
        seen = True
    except OSError:
        pass
print(a + b if seen else 0)
