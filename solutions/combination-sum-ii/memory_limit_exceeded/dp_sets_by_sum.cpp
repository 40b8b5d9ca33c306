// Memory limit exceeded: 0/1-knapsack DP keeping a set of combinations for every sum 0..target; 48 GB at 10^9.
class Solution {
public:
    vector<vector<int>> combinationSum2(vector<int>& candidates, int target) {
        sort(candidates.begin(), candidates.end());
        vector<set<vector<int>>> dp(target + 1);
        dp[0].insert(vector<int>());
        for (int c : candidates) {
            for (int sum = target; sum >= c; sum--) {  // downwards: each candidate used once
                for (const vector<int>& smaller : dp[sum - c]) {
                    vector<int> combination = smaller;
                    combination.push_back(c);
                    dp[sum].insert(combination);
                }
            }
        }
        return vector<vector<int>>(dp[target].begin(), dp[target].end());
    }
};
