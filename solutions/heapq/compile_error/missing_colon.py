# Compile error: the def of peek lacks its colon, a SyntaxError before anything runs.
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

    def peek(self) -> int
        return self.heap[0]

    def pushpop(self, x: int) -> int:
        return heapq.heappushpop(self.heap, x)

    def replace(self, x: int) -> int:
        return heapq.heapreplace(self.heap, x)

    def size(self) -> int:
        return len(self.heap)
