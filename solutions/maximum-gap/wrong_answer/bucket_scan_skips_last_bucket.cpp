// Wrong answer: the bucket loop stops one bucket short, losing the maximum ([13,1,7,7,2]: 5, not 6).
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        const long long n = nums.size();
        if (n < 2) return 0;
        const long long lo = *min_element(nums.begin(), nums.end());
        const long long hi = *max_element(nums.begin(), nums.end());
        if (lo == hi) return 0;
        const long long width = max(1LL, (hi - lo) / (n - 1));
        const long long count = (hi - lo) / width + 1;
        vector<int> low(count, INT_MAX), high(count, INT_MIN);
        for (int x : nums) {
            const long long b = (x - lo) / width;
            low[b] = min(low[b], x);
            high[b] = max(high[b], x);
        }
        int best = 0, previous = high[0];
        for (long long b = 1; b < count - 1; ++b) {
            if (low[b] == INT_MAX) continue;
            best = max(best, low[b] - previous);
            previous = high[b];
        }
        return best;
    }
};
