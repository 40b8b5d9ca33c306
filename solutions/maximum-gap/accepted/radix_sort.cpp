// Accepted: O(n) LSD radix sort (two 16-bit passes over the non-negative values), then one scan.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        const size_t n = nums.size();
        if (n < 2) return 0;
        vector<int> buffer(n);
        int* from = nums.data();
        int* to = buffer.data();
        for (int shift = 0; shift < 32; shift += 16) {
            vector<size_t> start(1 << 16, 0);
            for (size_t i = 0; i < n; ++i) ++start[((unsigned)from[i] >> shift) & 0xFFFF];
            size_t sum = 0;
            for (size_t& s : start) {
                const size_t count = s;
                s = sum;
                sum += count;
            }
            for (size_t i = 0; i < n; ++i) to[start[((unsigned)from[i] >> shift) & 0xFFFF]++] = from[i];
            swap(from, to);
        }
        // After an even number of passes the sorted values are back in nums.
        int best = 0;
        for (size_t i = 1; i < n; ++i) best = max(best, from[i] - from[i - 1]);
        return best;
    }
};
