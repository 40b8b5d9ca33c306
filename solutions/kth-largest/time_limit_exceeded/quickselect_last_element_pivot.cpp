// Time limit exceeded: textbook quickselect, Lomuto partition around the last element. On an
// all-equal array (performance/constant-1e6) every round peels off one element: O(n^2).
class Solution {
    int partition(vector<int>& a, int lo, int hi) {
        int pivot = a[hi], i = lo;
        for (int j = lo; j < hi; j++)
            if (a[j] <= pivot) swap(a[i++], a[j]);
        swap(a[i], a[hi]);
        return i;
    }

public:
    int findKthLargest(vector<int>& nums, int k) {
        int lo = 0, hi = nums.size() - 1, target = nums.size() - k;
        while (lo < hi) {
            int p = partition(nums, lo, hi);
            if (p == target) return nums[p];
            if (p < target) lo = p + 1;
            else hi = p - 1;
        }
        return nums[lo];
    }
};
