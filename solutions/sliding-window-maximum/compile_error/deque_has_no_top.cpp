// Compile error: dq.top() as on a stack or priority_queue; std::deque has front() and back().
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        deque<int> dq;
        vector<int> maxima;
        for (int i = 0; i < (int)nums.size(); ++i) {
            if (!dq.empty() && dq.top() <= i - k) dq.pop_front();
            while (!dq.empty() && nums[dq.back()] <= nums[i]) dq.pop_back();
            dq.push_back(i);
            if (i >= k - 1) maxima.push_back(nums[dq.front()]);
        }
        return maxima;
    }
};
