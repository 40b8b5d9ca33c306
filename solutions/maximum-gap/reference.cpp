// Reference: pigeonhole buckets, O(n) time and O(n) extra space, no sorting; the buckets are
// filled one cache-sized run at a time.
//
// With n >= 2 values spanning [lo, hi], the n - 1 successive gaps add up to hi - lo, so the
// largest is at least ceil((hi - lo) / (n - 1)). Buckets of a width w no larger than that hold
// values that differ by at most w - 1 < maximum gap, so the answer is always between the maximum
// of one non-empty bucket and the minimum of the next: each bucket keeps only its minimum and
// maximum. w is the largest power of two that fits, so a value's bucket is a shift, not a
// division, and there are fewer than 2n buckets.
//
// Filled in input order, the buckets (up to 16 MB of minima and maxima at n = 10^6) would cost a
// cache miss per value. So a counting pass and a scatter pass first group the values by runs of
// 2048 consecutive buckets (one radix pass on the bucket number's high bits); then each run's
// buckets, 16 KB, are filled and scanned while they stay in the L1 cache. The scan has no branch:
// about half the buckets are empty, at random, which a branch predictor cannot learn.
// Keys are x - lo as unsigned 32-bit values, exact for any two ints.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        const size_t n = nums.size();
        if (n < 2) return 0;
        int smallest = nums[0], largest = nums[0];
        for (const int x : nums) {
            smallest = min(smallest, x);
            largest = max(largest, x);
        }
        const uint32_t lo = (uint32_t)smallest, span = (uint32_t)largest - lo;
        if (span == 0) return 0;

        const uint64_t least_gap = ((uint64_t)span + n - 2) / (n - 1);  // ceil(span / (n - 1))
        const int shift = (int)bit_width(least_gap) - 1;  // bucket width 2^shift <= least_gap
        const size_t buckets = (size_t)(span >> shift) + 1;  // < 2n
        const size_t runs = ((buckets - 1) >> kRunBits) + 1;
        const auto run_of = [shift](uint32_t key) { return key >> shift >> kRunBits; };

        // Counting pass, then scatter: keys[start[r], start[r + 1]) are the keys of run r.
        vector<size_t> start(runs + 1, 0);
        for (const int x : nums) ++start[run_of((uint32_t)x - lo) + 1];
        partial_sum(start.begin(), start.end(), start.begin());
        vector<uint32_t> keys(n);
        vector<size_t> next(start.begin(), start.end() - 1);
        for (const int x : nums) {
            const uint32_t key = (uint32_t)x - lo;
            keys[next[run_of(key)]++] = key;
        }

        // Run by run: fill the buckets' minima and maxima, then scan them. An empty bucket keeps
        // low > high. The highs of filled buckets rise from bucket to bucket and an empty one's is
        // 0, so their running maximum is the high of the last filled bucket (0 before bucket 0,
        // which holds key 0).
        vector<uint32_t> low(kRunSize), high(kRunSize);
        uint32_t best = 0, previous_high = 0;
        for (size_t r = 0; r < runs; ++r) {
            const size_t count = min(kRunSize, buckets - (r << kRunBits));
            fill(low.begin(), low.begin() + count, UINT32_MAX);
            fill(high.begin(), high.begin() + count, 0);
            for (size_t i = start[r]; i < start[r + 1]; ++i) {
                const uint32_t key = keys[i], b = (key >> shift) & (kRunSize - 1);
                low[b] = min(low[b], key);
                high[b] = max(high[b], key);
            }
            for (size_t b = 0; b < count; ++b) {
                const uint32_t filled = 0u - (low[b] <= high[b]);  // all ones, or none
                best = max(best, (low[b] - previous_high) & filled);
                previous_high = max(previous_high, high[b]);
            }
        }
        return (int)best;
    }

private:
    static constexpr int kRunBits = 11;
    static constexpr size_t kRunSize = size_t(1) << kRunBits;  // buckets per run
};
