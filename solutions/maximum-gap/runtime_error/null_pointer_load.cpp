// Runtime error (UndefinedBehaviorSanitizer: load of null pointer): reads through a null pointer.
// Plain -O2 may return garbage (the compiler is entitled to), so without the sanitizers this is WA.
class Solution {
public:
    int maximumGap(vector<int>& nums) {
        volatile int* p = nullptr;
        return *p + (int)nums.size();
    }
};
