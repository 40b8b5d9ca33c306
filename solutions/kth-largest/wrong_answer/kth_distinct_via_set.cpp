// Wrong answer: counts each value once by going through a set, so it finds the k-th largest
// DISTINCT value (samples/example-2: [3,2,3,1,2,4,5,5,6], k = 4 gives 3, not 4).
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        set<int> values(nums.begin(), nums.end());
        auto it = values.rbegin();
        advance(it, min<int>(k, values.size()) - 1);
        return *it;
    }
};
