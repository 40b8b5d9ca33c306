// Accepted: the 2-D recurrence keeping only the previous row and the current one, 800 KB at most.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, V;
    scanf("%d %d", &n, &V);
    vector<int> previous(V + 1, 0), current(V + 1, 0);
    for (int i = 0; i < n; i++) {
        int w, v;
        scanf("%d %d", &w, &v);
        for (int c = 0; c <= V; c++) current[c] = c >= w ? max(previous[c], previous[c - w] + v) : previous[c];
        swap(previous, current);
    }
    printf("%d\n", previous[V]);
}
