// Wrong answer: the size-k heap idea with the default priority_queue, a max-heap: it evicts the
// largest values and ends with the k-th SMALLEST (samples/example-1: k = 2 gives 2, not 5).
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        priority_queue<int> kept;
        for (int x : nums) {
            kept.push(x);
            if ((int)kept.size() > k) kept.pop();
        }
        return kept.top();
    }
};
