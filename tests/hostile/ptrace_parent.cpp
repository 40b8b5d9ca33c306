// verdict: WA
// needs: namespaces
// harm: attaching ptrace to its parent (the judge's side of the run); the right sum only if it could.
#include <sys/ptrace.h>
#include <unistd.h>
#include <iostream>
int main() {
  bool attached = ptrace(PTRACE_ATTACH, getppid(), nullptr, nullptr) == 0;
  long long a, b;
  std::cin >> a >> b;
  std::cout << (attached ? a + b : 0) << "\n";
}
