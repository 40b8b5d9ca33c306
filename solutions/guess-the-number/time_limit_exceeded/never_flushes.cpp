// printf into a pipe is fully buffered: the query never leaves the buffer, the interactor
// waits for it, and this program waits for the reply. Nobody moves until the wall-clock limit.
#include <cstdio>

int main() {
  long long n;
  if (std::scanf("%lld", &n) != 1) return 1;
  long long lo = 1, hi = n;
  while (lo <= hi) {
    const long long mid = (lo + hi) / 2;
    std::printf("? %lld\n", mid);  // no fflush(stdout)
    char reply[4];
    if (std::scanf("%3s", reply) != 1) return 1;
    if (reply[0] == '=') {
      std::printf("! %lld\n", mid);
      return 0;
    }
    if (reply[0] == '<')
      hi = mid - 1;
    else
      lo = mid + 1;
  }
}
