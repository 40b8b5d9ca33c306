// Runtime error: pushpop compares x with heap[0] without checking for an empty heap; on a fresh
// heap the vector has no buffer yet, so heap[0] dereferences a null pointer (samples/example-3).
class MinHeap {
    vector<int> heap;

    void down(int i) {
        int n = heap.size();
        while (true) {
            int s = i, l = 2 * i + 1, r = 2 * i + 2;
            if (l < n && heap[l] < heap[s]) s = l;
            if (r < n && heap[r] < heap[s]) s = r;
            if (s == i) return;
            swap(heap[i], heap[s]);
            i = s;
        }
    }

public:
    MinHeap() {}
    MinHeap(vector<int> nums) : heap(nums) {
        for (int i = (int)heap.size() / 2 - 1; i >= 0; --i) down(i);
    }
    void push(int x) {
        heap.push_back(x);
        for (int i = heap.size() - 1; i > 0 && heap[i] < heap[(i - 1) / 2]; i = (i - 1) / 2)
            swap(heap[i], heap[(i - 1) / 2]);
    }
    int pop() {
        int top = heap[0];
        heap[0] = heap.back();
        heap.pop_back();
        down(0);
        return top;
    }
    int peek() { return heap[0]; }
    int pushpop(int x) {
        if (x <= heap[0]) return x;  // heap may be empty
        swap(x, heap[0]);
        down(0);
        return x;
    }
    int replace(int x) {
        int top = heap[0];
        heap[0] = x;
        down(0);
        return top;
    }
    int size() { return heap.size(); }
};
