// Reference: the 1-D 0/1 knapsack DP, O(n * capacity) time and O(capacity) memory.
//
// best[c] is the largest value of a subset of the items seen so far whose weight is at most c.
// Adding an item of weight w and value v: best[c] = max(best[c], best[c - w] + v). Running c
// downwards means best[c - w] is still the value before this item, so each item is taken at most
// once (running upwards would let it be taken again: the unbounded knapsack). The 2-D table
// n * (capacity + 1) is 400 MB on the largest tests; one row is 400 KB.
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        vector<int> best(capacity + 1, 0);
        for (size_t i = 0; i < weights.size(); ++i) {
            const int w = weights[i], v = values[i];
            for (int c = capacity; c >= w; --c) best[c] = max(best[c], best[c - w] + v);
        }
        return best[capacity];
    }
};
