// Accepted: cuts nums into blocks of k; a window spans at most two, so max(suffix max, prefix max) answers it. O(n).
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        const int n = nums.size();
        vector<int> prefix(n), suffix(n);  // running maxima from each block's start / towards its end
        for (int i = 0; i < n; ++i) prefix[i] = i % k == 0 ? nums[i] : max(prefix[i - 1], nums[i]);
        for (int i = n - 1; i >= 0; --i)
            suffix[i] = (i == n - 1 || (i + 1) % k == 0) ? nums[i] : max(suffix[i + 1], nums[i]);
        vector<int> maxima(n - k + 1);
        for (int i = 0; i + k <= n; ++i) maxima[i] = max(suffix[i], prefix[i + k - 1]);
        return maxima;
    }
};
