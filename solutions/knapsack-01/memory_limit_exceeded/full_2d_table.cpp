// Memory limit exceeded: the textbook (n + 1) x (capacity + 1) table is 400 MB at n = 1000, capacity = 10^5.
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        const int n = weights.size();
        vector<vector<int>> dp(n + 1, vector<int>(capacity + 1, 0));
        for (int i = 1; i <= n; ++i)
            for (int c = 0; c <= capacity; ++c) {
                dp[i][c] = dp[i - 1][c];
                if (weights[i - 1] <= c)
                    dp[i][c] = max(dp[i][c], dp[i - 1][c - weights[i - 1]] + values[i - 1]);
            }
        return dp[n][capacity];
    }
};
