// Accepted: the 2-D recurrence keeping only the previous row and the current one, 800 KB at most.
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        vector<int> previous(capacity + 1, 0), current(capacity + 1, 0);
        for (size_t i = 0; i < weights.size(); ++i) {
            for (int c = 0; c <= capacity; ++c) {
                current[c] = previous[c];
                if (weights[i] <= c) current[c] = max(current[c], previous[c - weights[i]] + values[i]);
            }
            swap(previous, current);
        }
        return previous[capacity];
    }
};
