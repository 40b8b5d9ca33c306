# verdict: WA
# needs: namespaces
# harm: raising its own hard limits; the right sum only if one of them could be raised.
import resource
raised = False
for r in (resource.RLIMIT_CPU, resource.RLIMIT_AS, resource.RLIMIT_FSIZE, resource.RLIMIT_NPROC):
    try:
        resource.setrlimit(r, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        raised = True
    except (ValueError, OSError):
        pass
a, b = map(int, input().split())
print(a + b if raised else 0)
