// Time limit exceeded: keeps a vector sorted (largest first, so pop is pop_back) and inserts with
// a binary search; the insert shifts half the vector, O(n) per push on a 10^6-element heap.
class MinHeap {
public:
    MinHeap() {}
    MinHeap(vector<int> nums) : v(nums) { sort(v.begin(), v.end(), greater<int>()); }
    void push(int x) { v.insert(lower_bound(v.begin(), v.end(), x, greater<int>()), x); }
    int pop() {
        int x = v.back();
        v.pop_back();
        return x;
    }
    int peek() { return v.back(); }
    int pushpop(int x) {
        push(x);
        return pop();
    }
    int replace(int x) {
        int top = pop();
        push(x);
        return top;
    }
    int size() { return v.size(); }

private:
    vector<int> v;  // descending
};
