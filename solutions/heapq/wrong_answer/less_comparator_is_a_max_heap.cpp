// Wrong answer: priority_queue with less<int> puts the LARGEST on top; the comparator says which
// element sinks, not which comes first (samples/example-1: peek gives 5, not 1).
class MinHeap {
public:
    MinHeap() {}
    MinHeap(vector<int> nums) : pq(nums.begin(), nums.end()) {}
    void push(int x) { pq.push(x); }
    int pop() {
        int top = pq.top();
        pq.pop();
        return top;
    }
    int peek() { return pq.top(); }
    int pushpop(int x) {
        if (pq.empty() || x <= pq.top()) return x;
        int top = pop();
        pq.push(x);
        return top;
    }
    int replace(int x) {
        int top = pop();
        pq.push(x);
        return top;
    }
    int size() { return pq.size(); }

private:
    priority_queue<int, vector<int>, less<int>> pq;  // "less: smallest first"
};
