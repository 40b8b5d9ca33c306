// Memory limit exceeded: coin-change DP keeping the combinations of every sum 0..target; 24 GB of empty lists at 10^9.
class Solution {
public:
    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        vector<vector<vector<int>>> dp(target + 1);
        dp[0].push_back({});
        for (int c : candidates) {
            for (int sum = c; sum <= target; sum++) {
                for (const vector<int>& smaller : dp[sum - c]) {
                    vector<int> combination = smaller;
                    combination.push_back(c);
                    dp[sum].push_back(combination);
                }
            }
        }
        return dp[target];
    }
};
