// Compile error: reads into V but the loops use capacity, a name never declared.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, V;
    cin >> n >> V;
    vector<int> dp(V + 1, 0);
    for (int i = 0; i < n; i++) {
        int w, v;
        cin >> w >> v;
        for (int j = capacity; j >= w; j--) dp[j] = max(dp[j], dp[j - w] + v);
    }
    cout << dp[V] << "\n";
}
