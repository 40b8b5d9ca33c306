// Output limit exceeded: correct, but a debug print left in the loop prints the whole array n times.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        int best = 0;
        for (size_t i = 1; i < nums.size(); ++i) {
            for (const int x : nums) cout << x << ' ';  // debug
            cout << "| i=" << i << " best=" << best << '\n';
            best = max(best, nums[i] - nums[i - 1]);
        }
        return best;
    }
};
