// Time limit exceeded: correct, but tries every subset (take or skip each item), O(2^n): hopeless at n = 1000.
class Solution {
    int best(const vector<int>& weights, const vector<int>& values, size_t i, int left) {
        if (i == weights.size()) return 0;
        int skip = best(weights, values, i + 1, left);
        if (weights[i] > left) return skip;
        return max(skip, values[i] + best(weights, values, i + 1, left - weights[i]));
    }

public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        return best(weights, values, 0, capacity);
    }
};
