# Wrong answer: replace calls heappushpop, which returns x when x is below the minimum
# (samples/example-1: replace(-2) on {3, 5} must return 3, the old minimum, not -2).
import heapq
from typing import List, Optional


class MinHeap:
    def __init__(self, nums: Optional[List[int]] = None):
        self.heap = list(nums or [])
        heapq.heapify(self.heap)

    def push(self, x: int) -> None:
        heapq.heappush(self.heap, x)

    def pop(self) -> int:
        return heapq.heappop(self.heap)

    def peek(self) -> int:
        return self.heap[0]

    def pushpop(self, x: int) -> int:
        return heapq.heappushpop(self.heap, x)

    def replace(self, x: int) -> int:
        return heapq.heappushpop(self.heap, x)  # should be heapreplace: pop first, then push

    def size(self) -> int:
        return len(self.heap)
