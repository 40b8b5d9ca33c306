// Wrong answer: never skips equal values, so with two 1s in [10,1,2,7,6,1,5], 8 it lists [1,7] and [1,2,5] twice.
class Solution {
public:
    vector<vector<int>> result;
    vector<int> path;

    void dfs(vector<int>& candidates, int start, int remaining) {
        if (remaining == 0) {
            result.push_back(path);
            return;
        }
        for (int i = start; i < candidates.size() && candidates[i] <= remaining; i++) {
            path.push_back(candidates[i]);
            dfs(candidates, i + 1, remaining - candidates[i]);
            path.pop_back();
        }
    }

    vector<vector<int>> combinationSum2(vector<int>& candidates, int target) {
        sort(candidates.begin(), candidates.end());
        dfs(candidates, 0, target);
        return result;
    }
};
