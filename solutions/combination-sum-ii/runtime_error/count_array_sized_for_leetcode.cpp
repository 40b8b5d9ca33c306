// Runtime error: counts values in an array sized for LeetCode's candidates[i] <= 50; a value of 10^9 writes far outside it.
class Solution {
public:
    int cnt[51];
    vector<vector<int>> result;
    vector<int> path;

    void dfs(int value, int remaining) {
        if (remaining == 0) {
            result.push_back(path);
            return;
        }
        if (value > 50 || value > remaining) return;
        dfs(value + 1, remaining);
        int taken = 0;
        while (taken < cnt[value] && remaining >= value) {
            path.push_back(value);
            remaining -= value;
            taken++;
            dfs(value + 1, remaining);
        }
        for (int k = 0; k < taken; k++) path.pop_back();
    }

    vector<vector<int>> combinationSum2(vector<int>& candidates, int target) {
        for (int c : candidates) cnt[c]++;
        dfs(1, target);
        return result;
    }
};
