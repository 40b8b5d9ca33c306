// Compile error: C++ submitted as C. There is no <vector> in C: "fatal error: vector: No such
// file or directory".
#include <vector>
#include <cstdio>

int main() {
    int n, capacity;
    std::scanf("%d %d", &n, &capacity);
    std::vector<int> best(capacity + 1, 0);
    for (int i = 0; i < n; i++) {
        int w, v;
        std::scanf("%d %d", &w, &v);
        for (int c = capacity; c >= w; c--) best[c] = best[c] > best[c - w] + v ? best[c] : best[c - w] + v;
    }
    std::printf("%d\n", best[capacity]);
}
