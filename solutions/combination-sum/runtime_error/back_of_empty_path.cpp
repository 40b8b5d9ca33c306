// Runtime error: keeps combinations non-decreasing by comparing with path.back(), which reads before an empty path: SIGSEGV.
class Solution {
public:
    vector<vector<int>> result;
    vector<int> path;

    void dfs(vector<int>& candidates, int remaining) {
        if (remaining == 0) {
            result.push_back(path);
            return;
        }
        for (int c : candidates) {
            if (c > remaining || c < path.back()) continue;  // no smaller number after a larger one
            path.push_back(c);
            dfs(candidates, remaining - c);
            path.pop_back();
        }
    }

    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        dfs(candidates, target);
        return result;
    }
};
