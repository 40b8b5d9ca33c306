// Memory limit exceeded: the textbook (N + 1) x (V + 1) table, a row at a time, is 400 MB at
// N = 1000, V = 10^5. Every row is filled, so its pages count: past 256 MB it is over the limit
// whether or not the last allocations fail.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, V;
    scanf("%d %d", &n, &V);
    int *w = malloc((n + 1) * sizeof(int)), *v = malloc((n + 1) * sizeof(int));
    for (int i = 1; i <= n; i++) scanf("%d %d", &w[i], &v[i]);
    int **dp = malloc((n + 1) * sizeof(int *));
    for (int i = 0; i <= n; i++) dp[i] = calloc(V + 1, sizeof(int));
    for (int i = 1; i <= n; i++)
        for (int j = 0; j <= V; j++) {
            dp[i][j] = dp[i - 1][j];
            if (j >= w[i] && dp[i - 1][j - w[i]] + v[i] > dp[i][j]) dp[i][j] = dp[i - 1][j - w[i]] + v[i];
        }
    printf("%d\n", dp[n][V]);
    return 0;
}
