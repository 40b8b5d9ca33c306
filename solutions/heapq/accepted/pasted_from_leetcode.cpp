// Accepted: pasted from LeetCode as is (no includes, a main kept for local testing); a classic
// sift-down heap whose pushpop simply pushes, then pops: slower, but the same values.
class MinHeap {
    vector<int> a;

    void up(int i) {
        while (i > 0 && a[(i - 1) / 2] > a[i]) {
            swap(a[(i - 1) / 2], a[i]);
            i = (i - 1) / 2;
        }
    }

    void down(int i) {
        int n = a.size();
        while (true) {
            int l = 2 * i + 1, r = 2 * i + 2, m = i;
            if (l < n && a[l] < a[m]) m = l;
            if (r < n && a[r] < a[m]) m = r;
            if (m == i) return;
            swap(a[i], a[m]);
            i = m;
        }
    }

public:
    MinHeap() {}
    MinHeap(vector<int> nums) : a(nums) {
        for (int i = (int)a.size() / 2 - 1; i >= 0; i--) down(i);
    }
    void push(int x) {
        a.push_back(x);
        up(a.size() - 1);
    }
    int pop() {
        int res = a[0];
        a[0] = a.back();
        a.pop_back();
        if (!a.empty()) down(0);
        return res;
    }
    int peek() { return a[0]; }
    int pushpop(int x) {
        push(x);
        return pop();
    }
    int replace(int x) {
        int res = a[0];
        a[0] = x;
        down(0);
        return res;
    }
    int size() { return a.size(); }
};

int main() {
    MinHeap h({5, 1, 3});
    cout << h.pop() << ' ' << h.pushpop(0) << ' ' << h.replace(-2) << endl;  // 1 0 3
}
