// Time limit exceeded: correct, but walks every subset of equal values and dedupes in a set: C(100,50) paths for 100 ones.
class Solution {
public:
    set<vector<int>> found;
    vector<int> path;

    void dfs(vector<int>& candidates, int start, int remaining) {
        if (remaining == 0) {
            found.insert(path);  // sorted input, so equal combinations are equal vectors
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
        return vector<vector<int>>(found.begin(), found.end());
    }
};
