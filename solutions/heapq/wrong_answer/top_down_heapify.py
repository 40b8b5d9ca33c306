# Wrong answer: heapify sifts the parents down from the root first; a small value deep in the
# array then climbs only one level (samples/example-2: [9, 4, 7, 1, 8] peeks 4, not 1).
from typing import List, Optional


class MinHeap:
    def __init__(self, nums: Optional[List[int]] = None):
        self.heap = list(nums or [])
        for i in range(len(self.heap) // 2):  # must run from the last parent back to 0
            self._sift_down(i)

    def push(self, x: int) -> None:
        heap = self.heap
        heap.append(x)
        i = len(heap) - 1
        while i > 0 and heap[(i - 1) // 2] > heap[i]:
            heap[i], heap[(i - 1) // 2] = heap[(i - 1) // 2], heap[i]
            i = (i - 1) // 2

    def pop(self) -> int:
        last = self.heap.pop()
        if not self.heap:
            return last
        return self.replace(last)

    def peek(self) -> int:
        return self.heap[0]

    def pushpop(self, x: int) -> int:
        if not self.heap or x <= self.heap[0]:
            return x
        return self.replace(x)

    def replace(self, x: int) -> int:
        top = self.heap[0]
        self.heap[0] = x
        self._sift_down(0)
        return top

    def size(self) -> int:
        return len(self.heap)

    def _sift_down(self, i):
        heap, n = self.heap, len(self.heap)
        while True:
            smallest = i
            for c in (2 * i + 1, 2 * i + 2):
                if c < n and heap[c] < heap[smallest]:
                    smallest = c
            if smallest == i:
                return
            heap[i], heap[smallest] = heap[smallest], heap[i]
            i = smallest
