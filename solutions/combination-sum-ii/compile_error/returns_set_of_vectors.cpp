// Compile error: dedupes into a set<vector<int>> and returns it where vector<vector<int>> is declared.
class Solution {
public:
    set<vector<int>> found;
    vector<int> path;

    void dfs(vector<int>& candidates, int start, int remaining) {
        if (remaining == 0) {
            found.insert(path);
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
        return found;
    }
};
