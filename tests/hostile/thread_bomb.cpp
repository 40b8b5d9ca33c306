// verdict: RE
// needs: namespaces
// harm: endless threads exhaust the machine's tasks; the run's cap makes std::thread throw.
#include <thread>
#include <unistd.h>
int main() {
  for (;;) std::thread([] { for (;;) pause(); }).detach();
}
