// Wrong answer: the 1-D loop runs capacity upwards, so an item can be taken again (unbounded knapsack).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, V;
    cin >> n >> V;
    vector<int> dp(V + 1, 0);
    for (int i = 0; i < n; i++) {
        int w, v;
        cin >> w >> v;
        for (int j = w; j <= V; j++) dp[j] = max(dp[j], dp[j - w] + v);  // dp[j - w] may hold item i
    }
    cout << dp[V] << "\n";  // example-1: five copies of (10, 60) give 300, not 220
}
