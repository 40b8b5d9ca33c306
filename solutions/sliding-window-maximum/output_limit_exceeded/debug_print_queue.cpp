// Output limit exceeded: correct, but prints the queue at every step: up to k indices a step, far past 64 MB at n = 10^6.
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        deque<int> dq;
        vector<int> maxima;
        for (int i = 0; i < (int)nums.size(); ++i) {
            if (!dq.empty() && dq.front() <= i - k) dq.pop_front();
            while (!dq.empty() && nums[dq.back()] <= nums[i]) dq.pop_back();
            dq.push_back(i);
            for (const int j : dq) cout << j << ' ';  // debug
            cout << '\n';
            if (i >= k - 1) maxima.push_back(nums[dq.front()]);
        }
        return maxima;
    }
};
