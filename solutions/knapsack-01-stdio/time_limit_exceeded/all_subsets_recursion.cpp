// Time limit exceeded: correct, but tries every subset (take or skip each item), O(2^n): hopeless at n = 1000.
#include <bits/stdc++.h>
using namespace std;

int n, V;
vector<int> w, v;

int best(int i, int left) {
    if (i == n) return 0;
    int skip = best(i + 1, left);
    if (w[i] > left) return skip;
    return max(skip, v[i] + best(i + 1, left - w[i]));
}

int main() {
    cin >> n >> V;
    w.resize(n);
    v.resize(n);
    for (int i = 0; i < n; i++) cin >> w[i] >> v[i];
    cout << best(0, V) << "\n";
}
