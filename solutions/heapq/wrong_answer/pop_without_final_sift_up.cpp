// Wrong answer: CPython's bottom-up pop without its last step: the item dropped into the leaf
// hole is never sifted back up (samples/example-1: after a pop 5 sits above 3; replace gives 5).
class MinHeap {
public:
    MinHeap() {}
    MinHeap(vector<int> nums) : h(nums) {
        for (int i = (int)h.size() / 2 - 1; i >= 0; --i) sift_down(i);
    }
    void push(int x) {
        h.push_back(x);
        int i = h.size() - 1;
        while (i > 0 && x < h[(i - 1) / 2]) {
            h[i] = h[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        h[i] = x;
    }
    int pop() {
        int last = h.back();
        h.pop_back();
        if (h.empty()) return last;
        return replace(last);
    }
    int peek() { return h[0]; }
    int pushpop(int x) {
        if (h.empty() || x <= h[0]) return x;
        return replace(x);
    }
    int replace(int x) {
        int top = h[0];
        h[0] = x;
        sift_down(0);
        return top;
    }
    int size() { return h.size(); }

private:
    // Moves the hole to a leaf along the smaller children and drops x there.
    void sift_down(int i) {
        int x = h[i], n = h.size();
        for (int c = 2 * i + 1; c < n; c = 2 * i + 1) {
            if (c + 1 < n && h[c + 1] < h[c]) ++c;
            h[i] = h[c];
            i = c;
        }
        h[i] = x;  // missing: sift x up from here, it may be smaller than its new parent
    }

    vector<int> h;
};
