// Time limit exceeded: correct, but scans each window afresh, O(n * k): about 4 minutes at n = 10^6, k = 5 * 10^5.
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        vector<int> maxima;
        for (size_t start = 0; start + k <= nums.size(); ++start)
            maxima.push_back(*max_element(nums.begin() + start, nums.begin() + start + k));
        return maxima;
    }
};
