// Wrong answer: the 1-D loop runs capacity upwards, so an item can be taken again (the unbounded
// knapsack). samples/example-1: five copies of (10, 60) give 300, not 220.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, V;
    scanf("%d %d", &n, &V);
    int *dp = calloc(V + 1, sizeof(int));
    for (int i = 0; i < n; i++) {
        int w, v;
        scanf("%d %d", &w, &v);
        for (int j = w; j <= V; j++)
            if (dp[j - w] + v > dp[j]) dp[j] = dp[j - w] + v;  // dp[j - w] may hold item i
    }
    printf("%d\n", dp[V]);
    return 0;
}
