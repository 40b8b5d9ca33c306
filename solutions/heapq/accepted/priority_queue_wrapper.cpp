// Accepted: std::priority_queue with greater<int> (a min-heap); pushpop and replace composed from
// top, pop and push, O(log n) each. Built from the whole array at once, which is O(n).
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
        if (pq.empty() || x <= pq.top()) return x;  // x would come straight back out
        int top = pq.top();
        pq.pop();
        pq.push(x);
        return top;
    }

    int replace(int x) {
        int top = pq.top();
        pq.pop();
        pq.push(x);
        return top;
    }

    int size() { return pq.size(); }

private:
    priority_queue<int, vector<int>, greater<int>> pq;
};
