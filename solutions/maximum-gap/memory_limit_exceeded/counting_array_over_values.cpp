// Memory limit exceeded: marks values in an array as long as the value range, 4 GB at 10^9.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        if (nums.size() < 2) return 0;
        const int max_value = *max_element(nums.begin(), nums.end());
        vector<int> seen(max_value + 1);  // right for small values, std::bad_alloc at 10^9
        for (const int x : nums) seen[x] = 1;
        int best = 0, previous = -1;
        for (int v = 0; v <= max_value; ++v) {
            if (!seen[v]) continue;
            if (previous >= 0) best = max(best, v - previous);
            previous = v;
        }
        return best;
    }
};
