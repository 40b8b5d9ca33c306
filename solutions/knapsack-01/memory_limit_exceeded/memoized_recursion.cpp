// Memory limit exceeded: top-down memoisation needs the same n x (capacity + 1) table, 400 MB at the largest size.
class Solution {
    vector<vector<int>> memo;  // memo[i][left], -1 until computed

    int best(const vector<int>& weights, const vector<int>& values, int i, int left) {
        if (i == (int)weights.size()) return 0;
        int& saved = memo[i][left];
        if (saved != -1) return saved;
        saved = best(weights, values, i + 1, left);
        if (weights[i] <= left)
            saved = max(saved, values[i] + best(weights, values, i + 1, left - weights[i]));
        return saved;
    }

public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        memo.assign(weights.size(), vector<int>(capacity + 1, -1));
        return best(weights, values, 0, capacity);
    }
};
