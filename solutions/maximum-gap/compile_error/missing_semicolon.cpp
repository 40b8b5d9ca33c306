// Compile error: a missing semicolon after the sort call, a typo g++ rejects.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        sort(nums.begin(), nums.end())
        int best = 0;
        for (size_t i = 1; i < nums.size(); ++i) best = max(best, nums[i] - nums[i - 1]);
        return best;
    }
};
