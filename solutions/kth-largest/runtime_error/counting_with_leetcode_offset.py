# Runtime error: counting sort sized for LeetCode's values (-10^4..10^4); 2 * 10^9 is far past the
# end of the list: IndexError on edge/beyond-leetcode-range.
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        count = [0] * 20001
        for x in nums:
            count[x + 10000] += 1
        for v in range(20000, -1, -1):
            k -= count[v]
            if k <= 0:
                return v - 10000
        return -1
