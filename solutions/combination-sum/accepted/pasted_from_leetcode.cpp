// Accepted: pasted from LeetCode as is (no includes): sort, then backtrack with a running sum and break.
class Solution {
public:
    vector<vector<int>> ans;
    vector<int> cur;

    void dfs(vector<int>& c, int idx, int sum, int target) {
        if (sum == target) {
            ans.push_back(cur);
            return;
        }
        for (int i = idx; i < c.size(); i++) {
            if (sum + c[i] > target) break;
            cur.push_back(c[i]);
            dfs(c, i, sum + c[i], target);
            cur.pop_back();
        }
    }

    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        sort(candidates.begin(), candidates.end());
        dfs(candidates, 0, 0, target);
        return ans;
    }
};
