// Accepted: pasted from LeetCode as is, with a second class Solution2 that the judge must ignore.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        int n = nums.size();
        if (n < 2) return 0;
        int mn = *min_element(nums.begin(), nums.end());
        int mx = *max_element(nums.begin(), nums.end());
        if (mn == mx) return 0;
        int size = max(1, (mx - mn) / (n - 1));
        int cnt = (mx - mn) / size + 1;
        vector<int> bmin(cnt, INT_MAX), bmax(cnt, INT_MIN);
        for (int x : nums) {
            int i = (x - mn) / size;
            bmin[i] = min(bmin[i], x);
            bmax[i] = max(bmax[i], x);
        }
        int ans = 0, prev = mn;
        for (int i = 0; i < cnt; i++) {
            if (bmin[i] == INT_MAX) continue;
            ans = max(ans, bmin[i] - prev);
            prev = bmax[i];
        }
        return ans;
    }
};

// my first try, kept for comparison
class Solution2 {
public:
    int maximumGap(vector<int> nums) {
        sort(nums.begin(), nums.end());
        int ans = 0;
        for (int i = 1; i < (int)nums.size(); i++) ans = max(ans, nums[i] - nums[i - 1]);
        return ans;
    }
};
