// Compile error: dedupes into a set<vector<int>> and returns it where vector<vector<int>> is declared.
class Solution {
public:
    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        set<vector<int>> found;
        vector<int> path;
        function<void(int)> dfs = [&](int remaining) {
            if (remaining == 0) {
                vector<int> sorted_path = path;
                sort(sorted_path.begin(), sorted_path.end());
                found.insert(sorted_path);
                return;
            }
            for (int c : candidates) {
                if (c > remaining) continue;
                path.push_back(c);
                dfs(remaining - c);
                path.pop_back();
            }
        };
        dfs(target);
        return found;
    }
};
