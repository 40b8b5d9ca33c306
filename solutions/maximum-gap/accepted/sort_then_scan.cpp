// Accepted: O(n log n) sort then one scan; std::sort on 10^6 ints takes well under the 1 s limit.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        int best = 0;
        for (size_t i = 1; i < nums.size(); ++i) best = max(best, nums[i] - nums[i - 1]);
        return best;
    }
};
