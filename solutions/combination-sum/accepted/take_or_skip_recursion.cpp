// Accepted: take-or-skip recursion on the sorted candidates, pruned once the next one is too big.
class Solution {
    vector<vector<int>> result;
    vector<int> combination;

    void search(const vector<int>& candidates, int i, int remaining) {
        if (remaining == 0) {
            result.push_back(combination);
            return;
        }
        if (i == (int)candidates.size() || candidates[i] > remaining) return;
        combination.push_back(candidates[i]);  // take candidates[i], maybe again
        search(candidates, i, remaining - candidates[i]);
        combination.pop_back();
        search(candidates, i + 1, remaining);  // never take it again
    }

public:
    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        sort(candidates.begin(), candidates.end());
        search(candidates, 0, target);
        return result;
    }
};
