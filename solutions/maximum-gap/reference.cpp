// Reference: pigeonhole buckets, O(n) time and O(n) extra space, no sorting.
//
// With n >= 2 values spanning [lo, hi], the n - 1 successive gaps add up to hi - lo, so the
// largest is at least w = ceil((hi - lo) / (n - 1)). Buckets of width w hold values that differ by
// at most w - 1 < maximum gap, so the answer is always between the maximum of one non-empty bucket
// and the minimum of the next: each bucket keeps only its minimum and maximum.
// Arithmetic is 64-bit so that hi - lo up to 2^32 - 1 cannot overflow; one allocation in total.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        const size_t n = nums.size();
        if (n < 2) return 0;
        const auto [min_it, max_it] = minmax_element(nums.begin(), nums.end());
        const long long lo = *min_it, hi = *max_it;
        if (lo == hi) return 0;

        const long long span = hi - lo;
        const long long width = (span + (long long)n - 2) / ((long long)n - 1);  // ceil, >= 1
        const size_t count = (size_t)(span / width) + 1;                          // <= n

        // bounds[2b] is bucket b's minimum, bounds[2b + 1] its maximum; an empty bucket has
        // minimum INT_MAX. Interleaved so that one value touches one cache line.
        vector<int> bounds(2 * count);
        for (size_t b = 0; b < count; ++b) {
            bounds[2 * b] = INT_MAX;
            bounds[2 * b + 1] = INT_MIN;
        }
        for (const int x : nums) {
            const size_t b = (size_t)((x - lo) / width);
            bounds[2 * b] = min(bounds[2 * b], x);
            bounds[2 * b + 1] = max(bounds[2 * b + 1], x);
        }

        // Bucket 0 holds lo and the last bucket holds hi, so both are non-empty.
        long long best = 0, previous_max = bounds[1];
        for (size_t b = 1; b < count; ++b) {
            if (bounds[2 * b] == INT_MAX) continue;
            best = max(best, bounds[2 * b] - previous_max);
            previous_max = bounds[2 * b + 1];
        }
        return (int)best;
    }
};
