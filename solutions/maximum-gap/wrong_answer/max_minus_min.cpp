// Wrong answer: returns the range max - min, the sum of all gaps, not the largest one.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        const auto [lo, hi] = minmax_element(nums.begin(), nums.end());
        return *hi - *lo;
    }
};
