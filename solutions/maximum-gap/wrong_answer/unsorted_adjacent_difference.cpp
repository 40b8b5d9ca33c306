// Wrong answer: compares neighbours of the unsorted array ([3,6,9,1] gives 8, not 3).
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        int best = 0;
        for (size_t i = 1; i < nums.size(); ++i) best = max(best, abs(nums[i] - nums[i - 1]));
        return best;
    }
};
