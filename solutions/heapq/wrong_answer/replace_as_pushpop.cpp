// Wrong answer: replace pushes x before popping, so it returns x when x is below the minimum
// (samples/example-1: replace(-2) on {3, 5} must return 3, the old minimum, not -2).
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
        pq.push(x);
        return pop();
    }
    int replace(int x) {
        pq.push(x);  // same as pushpop: the new item can be the one that comes out
        return pop();
    }
    int size() { return pq.size(); }

private:
    priority_queue<int, vector<int>, greater<int>> pq;
};
