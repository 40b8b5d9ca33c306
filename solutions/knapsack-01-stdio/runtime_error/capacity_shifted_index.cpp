// Runtime error: stores capacity c at dp[c - 1]; capacity 0 makes dp empty and dp[-1] crashes (SIGSEGV).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, V;
    cin >> n >> V;
    vector<int> dp(V);  // dp[c - 1]: the best value within capacity c, for c = 1..V
    for (int i = 0; i < n; i++) {
        int w, v;
        cin >> w >> v;
        for (int c = V; c >= w; c--) dp[c - 1] = max(dp[c - 1], (c == w ? 0 : dp[c - w - 1]) + v);
    }
    cout << dp[V - 1] << "\n";  // edge/capacity-zero: reads before an empty vector's null data
}
