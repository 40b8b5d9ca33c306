// verdict: AC
// needs: namespaces
// harm: kill(getppid()) and kill(-1) would take the judge (and, as root, everything) down; the
// judge must survive and judge the right sum it prints afterwards.
#include <signal.h>
#include <unistd.h>
#include <iostream>
int main() {
  kill(getppid(), SIGKILL);
  kill(-1, SIGKILL);
  long long a, b;
  std::cin >> a >> b;
  std::cout << a + b << "\n";
}
