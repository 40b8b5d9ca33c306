// Runtime error: the scan runs one step too far and nums.at(i + 1) throws std::out_of_range.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        int best = 0;
        for (size_t i = 0; i < nums.size(); ++i) best = max(best, nums.at(i + 1) - nums[i]);
        return best;
    }
};
