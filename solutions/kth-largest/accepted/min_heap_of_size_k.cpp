// Accepted: a min-heap holding the k largest values seen so far; its top is the k-th largest.
// O(n log k) time, O(k) extra space.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        priority_queue<int, vector<int>, greater<int>> largest;
        for (int x : nums) {
            if ((int)largest.size() < k) {
                largest.push(x);
            } else if (x > largest.top()) {
                largest.pop();
                largest.push(x);
            }
        }
        return largest.top();
    }
};
