// Accepted: groups equal values into (value, count) and chooses how many copies of each, so nothing repeats.
class Solution {
    vector<pair<int, int>> groups;  // distinct value, how many times it occurs; ascending
    vector<vector<int>> result;
    vector<int> path;

    void choose(size_t g, int remaining) {
        if (remaining == 0) {
            result.push_back(path);
            return;
        }
        if (g == groups.size() || groups[g].first > remaining) return;
        const auto [value, count] = groups[g];
        int taken = 0;
        while (taken < count && (long long)value * (taken + 1) <= remaining) {
            path.push_back(value);
            ++taken;
            choose(g + 1, remaining - value * taken);
        }
        path.resize(path.size() - taken);
        choose(g + 1, remaining);  // none of this value
    }

public:
    vector<vector<int>> combinationSum2(vector<int>& candidates, int target) {
        map<int, int> counts;
        for (int c : candidates) counts[c]++;
        groups.assign(counts.begin(), counts.end());
        choose(0, target);
        return result;
    }
};
