# Accepted: a max-heap of (-value, index); entries that left the window are dropped only when they reach the top. O(n log n).
from heapq import heappop, heappush
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        heap = []
        maxima = []
        for i, x in enumerate(nums):
            heappush(heap, (-x, i))
            if i >= k - 1:
                while heap[0][1] <= i - k:  # the top left the window earlier
                    heappop(heap)
                maxima.append(-heap[0][0])
        return maxima
