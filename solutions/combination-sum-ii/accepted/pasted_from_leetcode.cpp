// Accepted: pasted from LeetCode as is (no includes): sort, skip equal values at the same level, break.
class Solution {
public:
    vector<vector<int>> res;
    vector<int> cur;

    void backtrack(vector<int>& c, int start, int target) {
        if (target == 0) {
            res.push_back(cur);
            return;
        }
        for (int i = start; i < c.size(); i++) {
            if (i > start && c[i] == c[i - 1]) continue;
            if (c[i] > target) break;
            cur.push_back(c[i]);
            backtrack(c, i + 1, target - c[i]);
            cur.pop_back();
        }
    }

    vector<vector<int>> combinationSum2(vector<int>& candidates, int target) {
        sort(candidates.begin(), candidates.end());
        backtrack(candidates, 0, target);
        return res;
    }
};
