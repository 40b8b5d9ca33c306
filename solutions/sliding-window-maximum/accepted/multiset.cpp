// Accepted: a std::multiset holds the window; O(n log k), slower than the queue but well inside the limit.
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        multiset<int> window(nums.begin(), nums.begin() + k);
        vector<int> maxima{*window.rbegin()};
        for (size_t i = k; i < nums.size(); ++i) {
            window.erase(window.find(nums[i - k]));  // one copy only, not every equal value
            window.insert(nums[i]);
            maxima.push_back(*window.rbegin());
        }
        return maxima;
    }
};
