// Wrong answer: pushpop pops before pushing, so it returns the old minimum even when x is smaller
// (samples/example-1: pushpop(0) on {3, 5} must return 0, which would come straight back out).
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
        if (pq.empty()) return x;
        int top = pop();  // same as replace: x never gets a chance to be the minimum
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
    priority_queue<int, vector<int>, greater<int>> pq;
};
