// Runtime error (AddressSanitizer: heap-buffer-overflow): the DP row has `capacity` slots instead
// of capacity + 1, and best[capacity] is written one past its end. Plain -O2 writes into the
// heap's padding and usually prints the right answer: without the sanitizers this passes.
#include <cstdio>
#include <vector>

int main() {
    int n = 0, capacity = 0;
    if (std::scanf("%d %d", &n, &capacity) != 2) return 1;
    std::vector<int> best(capacity, 0);
    for (int i = 0; i < n; ++i) {
        int w = 0, v = 0;
        if (std::scanf("%d %d", &w, &v) != 2) return 1;
        for (int c = capacity; c >= w; --c)
            if (best[c - w] + v > best[c]) best[c] = best[c - w] + v;
    }
    std::printf("%d\n", best[capacity]);
    return 0;
}
