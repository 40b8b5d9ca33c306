// Runtime error: a table sized for the samples, guarded by an assert. The first test with a
// capacity over 1000 aborts with "Assertion `capacity <= 1000' failed" (SIGABRT).
#include <assert.h>
#include <stdio.h>

static int best[1001];

int main(void) {
    int n, capacity;
    scanf("%d %d", &n, &capacity);
    assert(capacity <= 1000);
    for (int i = 0; i < n; i++) {
        int w, v;
        scanf("%d %d", &w, &v);
        for (int c = capacity; c >= w; c--)
            if (best[c - w] + v > best[c]) best[c] = best[c - w] + v;
    }
    printf("%d\n", best[capacity]);
    return 0;
}
