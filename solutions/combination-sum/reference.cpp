// Reference: backtracking over the sorted candidates, with the early break, O(n log n + P).
//
// Each combination is built in non-decreasing order (the next number is taken from index i on,
// i included, so a number may repeat), which lists every multiset exactly once. Sorting lets the
// loop stop at the first candidate larger than what is left: every later one is larger too, so
// the search visits only the P partial combinations whose sum is at most target, each once.
// One shared path; the only copies are the emitted answers.
class Solution {
public:
    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        sort(candidates.begin(), candidates.end());
        vector<vector<int>> combinations;
        vector<int> path;
        extend(candidates, 0, target, path, combinations);
        return combinations;
    }

private:
    static void extend(const vector<int>& candidates, size_t start, int remaining,
                       vector<int>& path, vector<vector<int>>& combinations) {
        if (remaining == 0) {
            combinations.push_back(path);
            return;
        }
        for (size_t i = start; i < candidates.size() && candidates[i] <= remaining; ++i) {
            path.push_back(candidates[i]);
            extend(candidates, i, remaining - candidates[i], path, combinations);
            path.pop_back();
        }
    }
};
