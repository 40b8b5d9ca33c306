// Runtime error (AddressSanitizer: heap-use-after-free): keeps a reference to the heap's top,
// then pushes, which may move the vector's storage, and reads the reference. Plain -O2 reads the
// freed block and answers wrong (WA on the first sample) with no hint of why.
class Solution {
public:
    int findKthLargest(vector<int>& nums, int k) {
        vector<int> heap;  // a min-heap of the k largest so far
        for (int x : nums) {
            const int& smallest = heap.empty() ? x : heap.front();
            heap.push_back(x);
            push_heap(heap.begin(), heap.end(), greater<int>());
            if ((int)heap.size() > k) {
                pop_heap(heap.begin(), heap.end(), greater<int>());
                heap.pop_back();
            }
            if (smallest > heap.front() && (int)heap.size() == k) return heap.front();
        }
        return heap.front();
    }
};
