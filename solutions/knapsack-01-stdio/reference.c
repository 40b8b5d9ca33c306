// Reference in C: the same 1-D 0/1 knapsack DP as reference.cpp, O(N * V) time, O(V) memory.
// best[c] is the largest value of a subset of the items read so far whose weight is at most c;
// c runs downwards so that each item is taken at most once.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n = 0, capacity = 0;
    if (scanf("%d %d", &n, &capacity) != 2) return 1;
    int *best = calloc((size_t)capacity + 1, sizeof *best);
    if (!best) return 1;
    for (int i = 0; i < n; ++i) {
        int w = 0, v = 0;
        if (scanf("%d %d", &w, &v) != 2) return 1;
        for (int c = capacity; c >= w; --c)
            if (best[c - w] + v > best[c]) best[c] = best[c - w] + v;
    }
    printf("%d\n", best[capacity]);
    free(best);
    return 0;
}
