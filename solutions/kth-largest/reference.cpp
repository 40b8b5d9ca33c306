// Reference: quickselect with sampled pivots and a branch-free partition, O(n) expected time.
//
// The k-th largest is the value at index n - k of the sorted array. Each round picks a pivot,
// moves the values below it to the front of the range and keeps only the side that holds that
// index.
// - The partition has no branch on the comparison: each value is swapped with the first value not
//   known to be below the pivot (often itself) and that boundary moves on by the comparison's
//   result. On random data the comparison is a coin toss, which a branch mispredicts half the time.
// - On a large range the pivot is chosen from a random sample of sqrt(len) values: the one ranked
//   just past the target, on the side that leaves the smaller part. The first round then keeps
//   little more than the part on the target's side, the second little more than the distance
//   between the pivots: about 1.5n steps for the median, where a random pivot takes 3.4n. The
//   sample's own value is found by this same selection; on a small range the pivot is random.
// - Duplicates: when nothing is below the pivot (it is the smallest value left), a second pass
//   splits off its copies instead; either the target is among them or they are dropped. So equal
//   values take two passes, not one round per element.
// Random draws come from a fixed seed, so sorted input is not a worst case and the same input
// always takes the same path. Extra space: the sample, O(sqrt n).
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        random_ = 215;
        return select(nums, nums.size() - k);
    }

private:
    static constexpr size_t kSampleFrom = 4096;  // ranges at least this long sample their pivot

    // The value at index target once nums is sorted; reorders nums.
    int select(vector<int>& nums, size_t target) {
        size_t lo = 0, hi = nums.size();  // nums[lo, hi) holds the target index
        while (hi - lo > 1) {
            const int pivot = choose_pivot(nums, lo, hi, target);
            const size_t below = partition_below(nums, lo, hi, pivot);
            if (target < below) {
                hi = below;
            } else if (below > lo) {
                lo = below;
            } else {  // the pivot is the smallest value left: split off its copies
                const size_t copies = partition_below(nums, lo, hi, (long long)pivot + 1);
                if (target < copies) return pivot;
                lo = copies;
            }
        }
        return nums[target];
    }

    int choose_pivot(vector<int>& nums, size_t lo, size_t hi, size_t target) {
        const size_t len = hi - lo;
        if (len < kSampleFrom) return nums[random_index(lo, hi)];
        const size_t m = (size_t)sqrt((double)len), margin = (size_t)sqrt((double)m);
        vector<int> sample(m);
        for (int& s : sample) s = nums[random_index(lo, hi)];
        // The target's rank in the sample, moved towards the middle of the range by sqrt(m), at
        // least two standard deviations of that rank: the target almost surely falls in the
        // smaller part.
        const size_t rank = (target - lo) * m / len;
        const bool lower_half = 2 * (target - lo) < len;
        return select(sample, lower_half ? min(rank + margin, m - 1) : rank - min(rank, margin));
    }

    // Moves the values of nums[lo, hi) that are below pivot to its front; returns where they end.
    static size_t partition_below(vector<int>& nums, size_t lo, size_t hi, long long pivot) {
        size_t below = lo;
        for (size_t i = lo; i < hi; ++i) {
            const int x = nums[i];
            nums[i] = nums[below];
            nums[below] = x;
            below += x < pivot;
        }
        return below;
    }

    size_t random_index(size_t lo, size_t hi) {
        random_ = random_ * 6364136223846793005ULL + 1442695040888963407ULL;  // Knuth's LCG
        return lo + (random_ >> 33) % (hi - lo);
    }

    uint64_t random_ = 215;
};
