// Memory limit exceeded: copies every window before taking its maximum: (n - k + 1) * k ints, 10^12 bytes at the largest size.
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        vector<vector<int>> windows;
        for (size_t start = 0; start + k <= nums.size(); ++start)
            windows.emplace_back(nums.begin() + start, nums.begin() + start + k);
        vector<int> maxima;
        for (const auto& window : windows) maxima.push_back(*max_element(window.begin(), window.end()));
        return maxima;
    }
};
