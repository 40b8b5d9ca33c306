// Wrong answer: the 1-D loop runs capacity upwards, so an item can be taken again (unbounded knapsack).
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        vector<int> best(capacity + 1, 0);
        for (size_t i = 0; i < weights.size(); ++i)
            for (int c = weights[i]; c <= capacity; ++c)  // best[c - w] may already hold item i
                best[c] = max(best[c], best[c - weights[i]] + values[i]);
        return best[capacity];  // example-1: five copies of (10, 60) give 300, not 220
    }
};
