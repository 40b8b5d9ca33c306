// Compile error: priority_queue<int, greater<int>> leaves out the container argument, so
// greater<int> is taken as the container and g++ rejects it.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        priority_queue<int, greater<int>> largest;
        for (int x : nums) {
            largest.push(x);
            if ((int)largest.size() > k) largest.pop();
        }
        return largest.top();
    }
};
