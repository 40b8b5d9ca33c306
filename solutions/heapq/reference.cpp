// Reference: a binary min-heap in a vector, sifting exactly as CPython's heapq does.
//
// heap_[i] <= heap_[2i + 1] and heap_[i] <= heap_[2i + 2]; the minimum is heap_[0].
// Removing the root (pop, replace, pushpop) uses CPython's "bottom-up" trick: move the hole at
// the root down to a leaf, always promoting the smaller child (one comparison per level, not
// two), put the new item in the hole, then sift it up. The item came from the bottom, so it
// rarely climbs far: about log2(n) + O(1) comparisons instead of 2 log2(n).
// heapify is Floyd's bottom-up construction, O(n): sift every parent, last one first.
class MinHeap {
public:
    MinHeap() {}

    MinHeap(vector<int> nums) : heap_(std::move(nums)) {
        for (size_t i = heap_.size() / 2; i-- > 0;) sift_to_leaf(i);
    }

    void push(int x) {
        heap_.push_back(x);
        sift_up(0, heap_.size() - 1);
    }

    int pop() {  // never called on an empty heap
        const int last = heap_.back();
        heap_.pop_back();
        if (heap_.empty()) return last;
        const int smallest = heap_[0];
        heap_[0] = last;
        sift_to_leaf(0);
        return smallest;
    }

    int peek() { return heap_[0]; }

    // heappushpop: push x, then pop. When x is not above the minimum it would come straight
    // back out, so the heap is left untouched (this covers the empty heap too).
    int pushpop(int x) {
        if (heap_.empty() || x <= heap_[0]) return x;
        swap(x, heap_[0]);
        sift_to_leaf(0);
        return x;
    }

    // heapreplace: pop, then push x. Returns the old minimum even when x is smaller.
    int replace(int x) {
        const int smallest = heap_[0];
        heap_[0] = x;
        sift_to_leaf(0);
        return smallest;
    }

    int size() { return (int)heap_.size(); }

private:
    // Moves heap_[pos] up while it is smaller than its parent, stopping at start (CPython's
    // _siftdown: its names count from the leaves).
    void sift_up(size_t start, size_t pos) {
        const int item = heap_[pos];
        while (pos > start) {
            const size_t parent = (pos - 1) / 2;
            if (!(item < heap_[parent])) break;
            heap_[pos] = heap_[parent];
            pos = parent;
        }
        heap_[pos] = item;
    }

    // Takes heap_[pos] out, moves the hole down to a leaf along the smaller children, puts the
    // item there and sifts it back up (CPython's _siftup; ties go right, as there).
    void sift_to_leaf(size_t pos) {
        const size_t start = pos, end = heap_.size();
        const int item = heap_[pos];
        size_t right = 2 * pos + 2;
        while (right < end) {  // both children exist: no bounds check inside the loop
            const size_t child = heap_[right - 1] < heap_[right] ? right - 1 : right;
            heap_[pos] = heap_[child];
            pos = child;
            right = 2 * pos + 2;
        }
        if (right == end) {  // a lone left child, the last element
            heap_[pos] = heap_[right - 1];
            pos = right - 1;
        }
        heap_[pos] = item;
        sift_up(start, pos);
    }

    vector<int> heap_;
};
