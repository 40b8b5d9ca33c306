// Compile error: std::max(int, long long) cannot deduce one type, so g++ finds no matching max.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        int best = 0;
        for (size_t i = 1; i < nums.size(); ++i)
            best = max(best, (long long)nums[i] - nums[i - 1]);
        return best;
    }
};
