// verdict: WA
// needs: namespaces
// harm: raising its own hard limits (CPU, memory, file size, processes); the right sum only if
// one of them could be raised.
#include <sys/resource.h>
#include <iostream>
int main() {
  bool raised = false;
  for (int resource : {RLIMIT_CPU, RLIMIT_AS, RLIMIT_FSIZE, RLIMIT_NPROC, RLIMIT_NOFILE}) {
    rlimit limit{RLIM_INFINITY, RLIM_INFINITY};
    raised |= setrlimit(resource, &limit) == 0;
  }
  long long a, b;
  std::cin >> a >> b;
  std::cout << (raised ? a + b : 0) << "\n";
}
