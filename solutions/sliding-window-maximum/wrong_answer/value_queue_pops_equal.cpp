// Wrong answer: a queue of values that also pops equal values, then removes the front when it equals the value leaving: ([3,3,1], k=2) gives [3,1].
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        deque<int> q;  // values, decreasing
        vector<int> maxima;
        for (int i = 0; i < (int)nums.size(); ++i) {
            if (i >= k && q.front() == nums[i - k]) q.pop_front();
            while (!q.empty() && q.back() <= nums[i]) q.pop_back();  // must be <: equal values each need a copy
            q.push_back(nums[i]);
            if (i >= k - 1) maxima.push_back(q.front());
        }
        return maxima;
    }
};
