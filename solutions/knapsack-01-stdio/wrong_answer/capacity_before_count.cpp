// Wrong answer: reads "V N" instead of "N V", so it takes 50 items of example-1 as capacity 3 and runs out of input.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n = 0, V = 0;
    cin >> V >> n;  // the first line is "N V"
    vector<int> dp(V + 1, 0);
    for (int i = 0; i < n; i++) {
        int w = 0, v = 0;
        if (!(cin >> w >> v)) break;
        for (int j = V; j >= w; j--) dp[j] = max(dp[j], dp[j - w] + v);
    }
    cout << dp[V] << "\n";
}
