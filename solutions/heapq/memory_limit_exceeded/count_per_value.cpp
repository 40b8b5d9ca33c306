// Memory limit exceeded: a bucket queue, one counter per possible value; fine for small keys, but
// values span -10^9..10^9: 2 * 10^9 + 1 counters, 8 GB (std::bad_alloc) on the first test.
class MinHeap {
    static constexpr long long kOffset = 1000000000;
    vector<int> count = vector<int>(2 * kOffset + 1);
    long long lowest = 2 * kOffset + 1;  // no value below this index is present
    int n = 0;

public:
    MinHeap() {}
    MinHeap(vector<int> nums) {
        for (int x : nums) push(x);
    }
    void push(int x) {
        ++count[x + kOffset];
        lowest = min(lowest, x + kOffset);
        ++n;
    }
    int peek() {
        while (count[lowest] == 0) ++lowest;
        return lowest - kOffset;
    }
    int pop() {
        int x = peek();
        --count[lowest];
        --n;
        return x;
    }
    int pushpop(int x) {
        push(x);
        return pop();
    }
    int replace(int x) {
        int top = pop();
        push(x);
        return top;
    }
    int size() { return n; }
};
