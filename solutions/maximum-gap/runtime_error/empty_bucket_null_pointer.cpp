// Runtime error: the bucket scan forgets to skip empty buckets and dereferences their null pointer.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        const long long n = nums.size();
        if (n < 2) return 0;
        const long long lo = *min_element(nums.begin(), nums.end());
        const long long hi = *max_element(nums.begin(), nums.end());
        if (lo == hi) return 0;
        const long long width = (hi - lo + n - 2) / (n - 1);
        const long long count = (hi - lo) / width + 1;
        vector<const int*> low(count, nullptr), high(count, nullptr);
        for (const int& x : nums) {
            const long long b = (x - lo) / width;
            if (!low[b] || x < *low[b]) low[b] = &x;
            if (!high[b] || x > *high[b]) high[b] = &x;
        }
        int best = 0, previous = *high[0];
        for (long long b = 1; b < count; ++b) {
            best = max(best, *low[b] - previous);  // SIGSEGV when bucket b is empty
            previous = *high[b];
        }
        return best;
    }
};
