// Wrong answer: starts every weight but 0 at minus infinity, which computes the best subset of weight exactly capacity.
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        vector<int> best(capacity + 1, INT_MIN / 2);  // "unreachable"
        best[0] = 0;
        for (size_t i = 0; i < weights.size(); ++i)
            for (int c = capacity; c >= weights[i]; --c)
                best[c] = max(best[c], best[c - weights[i]] + values[i]);
        return best[capacity];  // example-3: no subset weighs exactly 3: -1073741819, not 5
    }
};
