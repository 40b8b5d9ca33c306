// Runtime error (UndefinedBehaviorSanitizer: index 10 out of bounds for type 'int [10]'): a radix
// sort by decimal digit counts into count[digit + 1] for the prefix sums, and count has 10 slots,
// not 11. Plain -O2 writes the extra count over a neighbouring local and goes on; it crashes
// later (SIGSEGV, no line) on a test with values outside LeetCode's range.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        vector<long long> values(nums.begin(), nums.end());
        for (auto& v : values) v += 10000;  // LeetCode's range is -10^4..10^4
        vector<long long> sorted(values.size());
        for (long long place = 1; place <= 10000; place *= 10) {
            int count[10] = {};
            for (long long v : values) count[(v / place) % 10 + 1]++;
            for (int d = 1; d < 10; ++d) count[d] += count[d - 1];
            for (long long v : values) sorted[count[(v / place) % 10]++] = v;
            values.swap(sorted);
        }
        return (int)(values[values.size() - k] - 10000);
    }
};
