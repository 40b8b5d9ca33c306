// Runtime error: an array queue sized for LeetCode's n <= 10^5 whose tail never wraps; on decreasing input at n = 10^6 the tail runs past the stack (SIGSEGV).
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        int queue[100005];  // indices; head and tail only move forwards
        int head = 0, tail = 0;
        vector<int> maxima;
        for (int i = 0; i < (int)nums.size(); ++i) {
            if (head < tail && queue[head] <= i - k) ++head;
            while (head < tail && nums[queue[tail - 1]] <= nums[i]) --tail;
            queue[tail++] = i;
            if (i >= k - 1) maxima.push_back(nums[queue[head]]);
        }
        return maxima;
    }
};
