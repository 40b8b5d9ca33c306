// Reference: quickselect with a three-way partition, O(n) expected time, O(1) extra space.
//
// The k-th largest is the value at index n - k of the sorted array. Each round partitions the
// range still holding that index into < pivot, == pivot and > pivot (Dijkstra's Dutch national
// flag) and keeps only the part that holds it. The == part is what keeps duplicates linear: on an
// all-equal array the first round ends the search, where a two-way partition peels off one
// element per round, O(n^2). The pivot is drawn at random from a fixed seed, so sorted input is
// not a worst case and the same input always takes the same path.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        const size_t target = nums.size() - k;
        size_t lo = 0, hi = nums.size();  // nums[lo, hi) holds the target index
        uint64_t state = 215;
        while (true) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;  // Knuth's LCG
            const int pivot = nums[lo + (state >> 33) % (hi - lo)];
            // Invariant: [lo, lt) < pivot, [lt, i) == pivot, [i, gt) unseen, [gt, hi) > pivot.
            size_t lt = lo, i = lo, gt = hi;
            while (i < gt) {
                if (nums[i] < pivot) {
                    swap(nums[lt++], nums[i++]);
                } else if (nums[i] > pivot) {
                    swap(nums[i], nums[--gt]);
                } else {
                    ++i;
                }
            }
            if (target < lt) {
                hi = lt;
            } else if (target >= gt) {
                lo = gt;
            } else {
                return pivot;  // the == part is never empty, so every round shrinks the range
            }
        }
    }
};
