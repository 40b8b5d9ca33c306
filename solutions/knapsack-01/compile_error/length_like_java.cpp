// Compile error: weights.length() as in Java; std::vector has size(), so g++ finds no member length.
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        vector<int> best(capacity + 1, 0);
        for (int i = 0; i < weights.length(); ++i)
            for (int c = capacity; c >= weights[i]; --c) best[c] = max(best[c], best[c - weights[i]] + values[i]);
        return best[capacity];
    }
};
