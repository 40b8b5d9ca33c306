// Reference: backtracking over the sorted candidates, skipping equal values at each level and
// breaking early, O(n log n + n P).
//
// Each candidate is used at most once (the next number comes from index i + 1 on). Sorting puts
// equal values side by side; at one level of the search (one position of the combination) only
// the first of a run of equal values is tried, so [1, 1, 6] is still found (the second 1 is taken
// one level deeper) but no combination is listed twice and no duplicate subtree is searched.
// The loop stops at the first candidate larger than what is left. One shared path; the only
// copies are the emitted answers.
class Solution {
public:
    vector<vector<int>> combinationSum2(vector<int>& candidates, int target) {
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
            if (i > start && candidates[i] == candidates[i - 1]) continue;  // same value, same level
            path.push_back(candidates[i]);
            extend(candidates, i + 1, remaining - candidates[i], path, combinations);
            path.pop_back();
        }
    }
};
