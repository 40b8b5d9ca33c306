// Output limit exceeded: correct, but a leftover debug print of the search tree writes 110 MB on the 100-value test.
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
            cout << string(4 * path.size(), ' ') << "try " << candidates[i] << " at index " << i
                 << ", remaining " << remaining << "\n";  // the search tree, indented by depth
            if (i > start && candidates[i] == candidates[i - 1]) continue;
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
