// Memory limit exceeded: counting sort over [min, max], fine for LeetCode's values (|x| <= 10^4),
// but edge/beyond-leetcode-range spans 4 * 10^9 values: 16 GB of counters (std::bad_alloc).
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        long long lo = *min_element(nums.begin(), nums.end());
        long long hi = *max_element(nums.begin(), nums.end());
        vector<int> count(hi - lo + 1);
        for (int x : nums) count[x - lo]++;
        for (long long v = hi; v >= lo; v--) {
            k -= count[v - lo];
            if (k <= 0) return v;
        }
        return lo;
    }
};
