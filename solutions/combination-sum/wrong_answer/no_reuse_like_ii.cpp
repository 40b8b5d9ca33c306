// Wrong answer: recurses from i + 1 as in Combination Sum II, so no number repeats ([2,3,6,7], 7 gives only [7]).
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

    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        sort(candidates.begin(), candidates.end());
        dfs(candidates, 0, target);
        return result;
    }
};
