// Time limit exceeded: an unordered vector; push is O(1) but pop, peek, pushpop and replace scan
// every element for the minimum, O(n) each on a heap of over half a million elements.
class MinHeap {
public:
    MinHeap() {}
    MinHeap(vector<int> nums) : v(nums) {}
    void push(int x) { v.push_back(x); }
    int pop() {
        auto it = min_element(v.begin(), v.end());
        int x = *it;
        *it = v.back();
        v.pop_back();
        return x;
    }
    int peek() { return *min_element(v.begin(), v.end()); }
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
    vector<int> v;
};
