// Reference: an 8-ary min-heap in a vector, removing the root the way CPython's heapq does.
//
// heap_[i] <= each of its children heap_[8i + 1 .. 8i + 8]; the minimum is heap_[0]. Eight
// children make a heap of 10^6 values 7 levels deep instead of 20, and they sit side by side (32
// bytes), so a level costs one or two cache lines.
// Removing the root (pop, replace, pushpop) uses CPython's "bottom-up" trick: move the hole at
// the root down to a leaf, always promoting the smallest child, put the new item in the hole,
// then sift it up. The item came from the bottom, so it rarely climbs far.
// Two things keep that descent from stalling: the smallest of eight children is found by a
// knock-out of branch-free comparisons (which of two random values is smaller is a coin toss that
// a branch predictor loses half the time), and the next level is prefetched while this one is
// compared.
// heapify is Floyd's bottom-up construction, O(n): sift every parent, last one first.
// O(log n) per push, pop, pushpop and replace; O(1) peek and size.
class MinHeap {
public:
    MinHeap() {}

    MinHeap(vector<int> nums) : heap_(std::move(nums)) {
        if (heap_.size() > 1)
            for (size_t i = parent(heap_.size() - 1) + 1; i-- > 0;) sift_to_leaf(i);
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
    static constexpr size_t kArity = 8;
    static size_t first_child(size_t pos) { return kArity * pos + 1; }
    static size_t parent(size_t pos) { return (pos - 1) / kArity; }

    struct Candidate {
        int value;
        size_t pos;
    };

    // The smaller of two candidates, chosen by arithmetic rather than a branch.
    static Candidate smaller(Candidate a, Candidate b) {
        const size_t take_b = 0 - (size_t)(b.value < a.value);  // all ones or none
        return {min(a.value, b.value), (a.pos & ~take_b) | (b.pos & take_b)};
    }

    // The smallest of the eight children from first on: a knock-out in three rounds.
    Candidate smallest_of_eight(size_t first) const {
        const int* c = heap_.data() + first;
        const auto leaf = [&](size_t i) { return Candidate{c[i], first + i}; };
        const Candidate low = smaller(smaller(leaf(0), leaf(1)), smaller(leaf(2), leaf(3)));
        const Candidate high = smaller(smaller(leaf(4), leaf(5)), smaller(leaf(6), leaf(7)));
        return smaller(low, high);
    }

    // Moves heap_[pos] up while it is smaller than its parent, stopping at start (CPython's
    // _siftdown: its names count from the leaves).
    void sift_up(size_t start, size_t pos) {
        const int item = heap_[pos];
        while (pos > start) {
            const size_t up = parent(pos);
            if (!(item < heap_[up])) break;
            heap_[pos] = heap_[up];
            pos = up;
        }
        heap_[pos] = item;
    }

    // Takes heap_[pos] out, moves the hole down to a leaf along the smallest children, puts the
    // item there and sifts it back up (CPython's _siftup).
    void sift_to_leaf(size_t pos) {
        const size_t start = pos, end = heap_.size();
        const int item = heap_[pos];
        size_t first = first_child(pos);
        while (first + kArity <= end) {  // all eight children exist
            // Their children, the next level's candidates: 64 values, 4 or 5 cache lines.
            const size_t next = first_child(first), line = 64 / sizeof(int);
            if (next + kArity * kArity < end)
                for (size_t i = 0; i <= kArity * kArity; i += line) __builtin_prefetch(&heap_[next + i]);
            const Candidate child = smallest_of_eight(first);
            heap_[pos] = child.value;
            pos = child.pos;
            first = first_child(pos);
        }
        if (first < end) {  // one to seven children, the last elements
            size_t child = first;
            for (size_t c = first + 1; c < end; ++c)
                if (heap_[c] < heap_[child]) child = c;
            heap_[pos] = heap_[child];
            pos = child;
        }
        heap_[pos] = item;
        sift_up(start, pos);
    }

    vector<int> heap_;
};
