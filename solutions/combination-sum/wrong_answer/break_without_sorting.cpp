// Wrong answer: breaks at the first candidate that is too big but never sorted, so [8,2,3], 5 finds nothing.
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
            if (candidates[i] > remaining) break;  // the samples are sorted, the input need not be
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
