// Reference: the 1-D 0/1 knapsack DP, O(N * V) time and O(V) memory, as a full program.
//
// best[c] is the largest value of a subset of the items read so far whose weight is at most c.
// Running c downwards means best[c - w] is still the value before this item, so each item is
// taken at most once (upwards would be the unbounded knapsack). The 2-D table N * (V + 1) is
// 400 MB on the largest tests; one row is 400 KB. Answers are at most 1000 * 10^6 = 10^9.
#include <cstdio>
#include <vector>

int main() {
    int n = 0, capacity = 0;
    if (std::scanf("%d %d", &n, &capacity) != 2) return 1;
    std::vector<int> best(capacity + 1, 0);
    for (int i = 0; i < n; ++i) {
        int w = 0, v = 0;
        if (std::scanf("%d %d", &w, &v) != 2) return 1;
        for (int c = capacity; c >= w; --c)
            if (best[c - w] + v > best[c]) best[c] = best[c - w] + v;
    }
    std::printf("%d\n", best[capacity]);
    return 0;
}
