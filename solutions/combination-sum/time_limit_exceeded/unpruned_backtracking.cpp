// Time limit exceeded: correct, but without sorting it cannot break, so every step scans all 10^5 candidates.
class Solution {
public:
    vector<vector<int>> result;
    vector<int> path;

    void dfs(vector<int>& candidates, int start, int remaining) {
        if (remaining == 0) {
            result.push_back(path);
            return;
        }
        for (int i = start; i < candidates.size(); i++) {
            if (candidates[i] > remaining) continue;
            path.push_back(candidates[i]);
            dfs(candidates, i, remaining - candidates[i]);
            path.pop_back();
        }
    }

    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        dfs(candidates, 0, target);
        return result;
    }
};
