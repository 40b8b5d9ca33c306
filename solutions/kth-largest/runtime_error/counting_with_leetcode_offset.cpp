// Runtime error: counting sort sized for LeetCode's values (-10^4..10^4), but values here reach
// 2 * 10^9: count[x + 10000] writes 8 GB past the array, SIGSEGV on edge/beyond-leetcode-range.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        vector<int> count(20001);
        for (int x : nums) count[x + 10000]++;
        for (int v = 20000; v >= 0; v--) {
            k -= count[v];
            if (k <= 0) return v - 10000;
        }
        return -1;
    }
};
