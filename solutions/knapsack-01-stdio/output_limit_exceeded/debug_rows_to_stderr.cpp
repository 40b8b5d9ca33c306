// Output limit exceeded: prints each DP row to stderr "which is not checked", but stderr counts too: 700 MB on the largest test.
#include <bits/stdc++.h>
using namespace std;

void debug(const vector<int>& row) {
    ostringstream out;
    for (int x : row) out << x << ' ';
    cerr << out.str() << '\n';
}

int main() {
    int n, V;
    cin >> n >> V;
    vector<int> dp(V + 1, 0);
    for (int i = 0; i < n; i++) {
        int w, v;
        cin >> w >> v;
        for (int j = V; j >= w; j--) dp[j] = max(dp[j], dp[j - w] + v);
        debug(dp);
    }
    cout << dp[V] << "\n";
}
