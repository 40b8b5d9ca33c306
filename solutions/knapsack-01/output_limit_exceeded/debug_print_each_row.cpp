// Output limit exceeded: correct, but prints the DP row after each item: 10^8 numbers on the largest test.
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        vector<int> best(capacity + 1, 0);
        for (size_t i = 0; i < weights.size(); ++i) {
            for (int c = capacity; c >= weights[i]; --c) best[c] = max(best[c], best[c - weights[i]] + values[i]);
            for (const int b : best) cout << b << ' ';  // debug
            cout << '\n';
        }
        return best[capacity];
    }
};
