// Output limit exceeded: correct, but a leftover debug print of the search tree writes 93 MB on the large-values test.
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
                 << ", remaining " << remaining << ", path";
            for (int x : path) cout << " " << x;
            cout << "\n";
            path.push_back(candidates[i]);
            dfs(candidates, i, remaining - candidates[i]);
            path.pop_back();
        }
    }

    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        sort(candidates.begin(), candidates.end());
        dfs(candidates, 0, target);
        return result;
    }
};
