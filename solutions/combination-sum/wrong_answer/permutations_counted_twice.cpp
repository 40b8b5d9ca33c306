// Wrong answer: every level restarts at index 0, so [2,2,3], [2,3,2] and [3,2,2] are all listed.
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
            if (c > remaining) continue;
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
