// Wrong answer: greedy by value per weight is right for the fractional knapsack only (example-1: 160, not 220).
class Solution {
public:
    int knapsack01(int capacity, vector<int>& weights, vector<int>& values) {
        vector<int> order(weights.size());
        iota(order.begin(), order.end(), 0);
        sort(order.begin(), order.end(), [&](int a, int b) {
            return (long long)values[a] * weights[b] > (long long)values[b] * weights[a];
        });
        int left = capacity, total = 0;
        for (const int i : order)
            if (weights[i] <= left) {
                left -= weights[i];
                total += values[i];
            }
        return total;
    }
};
