// Time limit exceeded: a random pivot fixes sorted input but not duplicates: with a two-way
// partition, equal values all land on one side, O(n^2) on performance/constant-1e6.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        int lo = 0, hi = nums.size() - 1, target = nums.size() - k;
        while (lo < hi) {
            swap(nums[lo + rand() % (hi - lo + 1)], nums[hi]);
            int pivot = nums[hi], i = lo;
            for (int j = lo; j < hi; j++)
                if (nums[j] < pivot) swap(nums[i++], nums[j]);
            swap(nums[i], nums[hi]);
            if (i == target) return nums[i];
            if (i < target) lo = i + 1;
            else hi = i - 1;
        }
        return nums[lo];
    }
};
