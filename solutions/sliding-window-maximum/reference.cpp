// Reference: a monotonic queue of indices, O(n) time and O(k) extra space.
//
// The queue holds, oldest first, the indices of the window's values that no later value beats:
// their values strictly decrease from front to back. A new value first removes from the back
// every value it is at least as large as (they can never be a maximum again while it is in the
// window), then joins; the front is the window's maximum and leaves once it falls out of the
// window. Each index joins and leaves once: O(n). The queue never holds more than k indices, so
// it lives in a ring buffer of k slots: one allocation, no std::deque block churn.
class Solution {
public:
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        const int n = nums.size();
        vector<int> ring(k);  // the queue: front at ring[head], size `count`, wrapping at k
        int head = 0, count = 0;
        vector<int> maxima;
        maxima.reserve(n - k + 1);
        for (int i = 0; i < n; ++i) {
            if (count > 0 && ring[head] == i - k) {  // the front just left the window
                head = head + 1 == k ? 0 : head + 1;
                --count;
            }
            while (count > 0 && nums[ring[(head + count - 1) % k]] <= nums[i]) --count;
            ring[(head + count) % k] = i;
            ++count;
            if (i >= k - 1) maxima.push_back(nums[ring[head]]);
        }
        return maxima;
    }
};
