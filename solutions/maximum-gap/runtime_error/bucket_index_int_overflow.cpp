// Runtime error (UndefinedBehaviorSanitizer: signed integer overflow): the bucket index
// (x - lo) * (n - 1) / (hi - lo) is computed in int, which overflows once values reach 10^9 with
// a few thousand numbers. Plain -O2 wraps around to a wrong bucket.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        const int n = nums.size();
        if (n < 2) return 0;
        const int lo = *min_element(nums.begin(), nums.end());
        const int hi = *max_element(nums.begin(), nums.end());
        if (lo == hi) return 0;
        vector<int> low(n, INT_MAX), high(n, INT_MIN);
        for (int x : nums) {
            const int b = (x - lo) * (n - 1) / (hi - lo);
            if (b < 0 || b >= n) continue;
            low[b] = min(low[b], x);
            high[b] = max(high[b], x);
        }
        int best = 0, previous = high[0];
        for (int b = 1; b < n; ++b) {
            if (low[b] == INT_MAX) continue;
            best = max(best, low[b] - previous);
            previous = high[b];
        }
        return best;
    }
};
