// Time limit exceeded: keeps the maximum's index and rescans only when it leaves; fast on random input, but on decreasing input it leaves every step: O(n * k).
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        const int n = nums.size();
        int best = max_element(nums.begin(), nums.begin() + k) - nums.begin();
        vector<int> maxima{nums[best]};
        for (int i = k; i < n; ++i) {
            if (best == i - k)  // the maximum left: find the new one in the window
                best = max_element(nums.begin() + i - k + 1, nums.begin() + i + 1) - nums.begin();
            else if (nums[i] >= nums[best])
                best = i;
            maxima.push_back(nums[best]);
        }
        return maxima;
    }
};
