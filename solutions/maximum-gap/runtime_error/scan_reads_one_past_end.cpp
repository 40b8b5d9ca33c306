// Runtime error (AddressSanitizer: heap-buffer-overflow): after sorting, the scan skips equal
// neighbours with `while (nums[j] == nums[i])`, which reads nums[n] when the array ends in a run
// of equal values ([7, 7]). Plain -O2 reads whatever follows the array in the heap, which is
// almost never equal, and the answer comes out right: without the sanitizers this passes.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        const size_t n = nums.size();
        int best = 0;
        for (size_t i = 0; i + 1 < n;) {
            size_t j = i + 1;
            while (nums[j] == nums[i]) ++j;
            if (j < n) best = max(best, nums[j] - nums[i]);
            i = j;
        }
        return best;
    }
};
