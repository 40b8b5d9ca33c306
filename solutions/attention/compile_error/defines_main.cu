// A submission that brings its own main, to run (and time) things its own way. The runner's
// main is the judge's: the link fails with a second definition of main, which is CE.
#include <cstdio>

void attention_forward(const void*, const void*, const void*, void*, int, int, int, int, int, int,
                       float, cudaStream_t) {}

int main() {
  std::printf("AC\n");
  return 0;
}
