// Accepted: sort ascending and take index n - k, O(n log n); std::sort on 10^6 ints is ~70 ms.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        sort(nums.begin(), nums.end());
        return nums[nums.size() - k];
    }
};
