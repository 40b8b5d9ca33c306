// Wrong answer: records a maximum only from i >= k, so the first window is missing (example-1 gives [3,5,5,6,7]).
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        deque<int> dq;
        vector<int> maxima;
        for (int i = 0; i < (int)nums.size(); ++i) {
            if (!dq.empty() && dq.front() <= i - k) dq.pop_front();
            while (!dq.empty() && nums[dq.back()] <= nums[i]) dq.pop_back();
            dq.push_back(i);
            if (i >= k) maxima.push_back(nums[dq.front()]);  // the first full window ends at i = k - 1
        }
        return maxima;
    }
};
