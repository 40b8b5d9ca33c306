// Time limit exceeded: correct, but finds each value's successor by scanning the whole array, O(n^2).
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        int best = 0;
        for (const int x : nums) {
            int successor = INT_MAX;  // the smallest value greater than x
            for (const int y : nums)
                if (y > x && y < successor) successor = y;
            if (successor != INT_MAX) best = max(best, successor - x);
        }
        return best;
    }
};
