// Accepted: five decimals are within the 1e-4 tolerance.
#include <cstdio>
int main() {
  int n;
  std::scanf("%d", &n);
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    double x;
    std::scanf("%lf", &x);
    sum += x;
  }
  std::printf("%.5f\n", sum / n);
}
