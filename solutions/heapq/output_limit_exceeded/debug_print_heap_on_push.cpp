// Output limit exceeded: correct, but a debug print left in push prints the whole heap each time,
// O(n) output per push: past 64 MB within a dozen pushes on the 5 * 10^5-element performance heap.
class MinHeap {
public:
    MinHeap() {}
    MinHeap(vector<int> nums) : h(nums) { make_heap(h.begin(), h.end(), greater<int>()); }
    void push(int x) {
        h.push_back(x);
        push_heap(h.begin(), h.end(), greater<int>());
        for (int v : h) cout << v << ' ';  // debug
        cout << '\n';
    }
    int pop() {
        pop_heap(h.begin(), h.end(), greater<int>());
        int x = h.back();
        h.pop_back();
        return x;
    }
    int peek() { return h[0]; }
    int pushpop(int x) {
        if (h.empty() || x <= h[0]) return x;
        int top = pop();
        h.push_back(x);
        push_heap(h.begin(), h.end(), greater<int>());
        return top;
    }
    int replace(int x) {
        int top = pop();
        h.push_back(x);
        push_heap(h.begin(), h.end(), greater<int>());
        return top;
    }
    int size() { return h.size(); }

private:
    vector<int> h;
};
