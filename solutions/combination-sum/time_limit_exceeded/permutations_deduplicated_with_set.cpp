// Time limit exceeded: correct, but builds every ordering (compositions of target) and dedupes them in a set.
class Solution {
public:
    set<vector<int>> seen;
    vector<int> path;

    void dfs(vector<int>& candidates, int remaining) {
        if (remaining == 0) {
            vector<int> combination = path;
            sort(combination.begin(), combination.end());
            seen.insert(combination);
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
        return vector<vector<int>>(seen.begin(), seen.end());
    }
};
