// Compile error: std::priority_queue has top(), not front() (that is std::queue), so g++ finds no
// member named 'front'.
class MinHeap {
public:
    MinHeap() {}
    MinHeap(vector<int> nums) : pq(nums.begin(), nums.end()) {}
    void push(int x) { pq.push(x); }
    int pop() {
        int top = pq.front();
        pq.pop();
        return top;
    }
    int peek() { return pq.front(); }
    int pushpop(int x) {
        if (pq.empty() || x <= pq.front()) return x;
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
    priority_queue<int, vector<int>, greater<int>> pq;
};
