// Output limit exceeded: correct quickselect, but a debug print shows the whole array after every
// round: about 11 MB per round at n = 10^6, past 64 MB within a few rounds.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        int lo = 0, hi = nums.size() - 1, target = nums.size() - k;
        while (true) {
            int pivot = nums[lo + (hi - lo) / 2];
            int lt = lo, i = lo, gt = hi;
            while (i <= gt) {
                if (nums[i] < pivot) swap(nums[lt++], nums[i++]);
                else if (nums[i] > pivot) swap(nums[i], nums[gt--]);
                else i++;
            }
            for (int x : nums) cout << x << ' ';  // debug
            cout << "| pivot " << pivot << endl;
            if (target < lt) hi = lt - 1;
            else if (target > gt) lo = gt + 1;
            else return pivot;
        }
    }
};
