// Accepted: the 1-D DP with iostream (synchronisation off) and the items kept in vectors first.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, V;
    cin >> n >> V;
    vector<int> w(n), v(n);
    for (int i = 0; i < n; i++) cin >> w[i] >> v[i];
    vector<int> dp(V + 1, 0);
    for (int i = 0; i < n; i++)
        for (int j = V; j >= w[i]; j--) dp[j] = max(dp[j], dp[j - w[i]] + v[i]);
    cout << dp[V] << endl;
}
