// Runtime error: stores capacity c at dp[c - 1]; capacity 0 makes dp empty and dp[-1] crashes (SIGSEGV).
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        vector<int> dp(capacity);  // dp[c - 1]: the best value within capacity c, for c = 1..capacity
        for (size_t i = 0; i < weights.size(); ++i)
            for (int c = capacity; c >= weights[i]; --c) {
                const int rest = c == weights[i] ? 0 : dp[c - weights[i] - 1];
                dp[c - 1] = max(dp[c - 1], rest + values[i]);
            }
        return dp[capacity - 1];  // edge/capacity-zero: reads before an empty vector's null data
    }
};
