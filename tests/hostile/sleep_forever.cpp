// verdict: TLE
// needs:
// harm: sleeping forever holds the judge; the wall-clock limit ends it and nothing is left.
#include <unistd.h>
int main() {
  for (;;) sleep(1000);
}
