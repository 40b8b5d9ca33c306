// Accepted: pasted as is (no includes, relies on the judge's prelude), with a Solution2 to ignore.
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        int n = weights.size();
        vector<int> dp(capacity + 1);
        for (int i = 0; i < n; i++)
            for (int j = capacity; j >= weights[i]; j--)
                dp[j] = max(dp[j], dp[j - weights[i]] + values[i]);
        return dp[capacity];
    }
};

class Solution2 {
public:
    // first try, the textbook table: too big for capacity 10^5
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        int n = weights.size();
        vector<vector<int>> dp(n + 1, vector<int>(capacity + 1));
        for (int i = 1; i <= n; i++)
            for (int j = 0; j <= capacity; j++) {
                dp[i][j] = dp[i - 1][j];
                if (j >= weights[i - 1]) dp[i][j] = max(dp[i][j], dp[i - 1][j - weights[i - 1]] + values[i - 1]);
            }
        return dp[n][capacity];
    }
};
