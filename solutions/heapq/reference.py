# Reference: a binary min-heap in a list, sifting exactly as CPython's heapq does (by hand, not
# by calling heapq: writing it is the lesson).
#
# heap[i] <= heap[2i + 1] and heap[i] <= heap[2i + 2]; the minimum is heap[0]. Removing the root
# moves the hole down to a leaf along the smaller children (one comparison per level), puts the
# new item there and sifts it up: it came from the bottom, so it rarely climbs far.
from typing import List, Optional


class MinHeap:
    def __init__(self, nums: Optional[List[int]] = None):
        self.heap = list(nums) if nums else []
        for i in reversed(range(len(self.heap) // 2)):  # Floyd's heapify, O(n)
            self._sift_to_leaf(i)

    def push(self, x: int) -> None:
        self.heap.append(x)
        self._sift_up(0, len(self.heap) - 1)

    def pop(self) -> int:  # never called on an empty heap
        heap = self.heap
        last = heap.pop()
        if not heap:
            return last
        smallest = heap[0]
        heap[0] = last
        self._sift_to_leaf(0)
        return smallest

    def peek(self) -> int:
        return self.heap[0]

    def pushpop(self, x: int) -> int:
        # Push x, then pop: when x is not above the minimum it comes straight back out.
        heap = self.heap
        if heap and heap[0] < x:
            x, heap[0] = heap[0], x
            self._sift_to_leaf(0)
        return x

    def replace(self, x: int) -> int:
        # Pop, then push x: returns the old minimum even when x is smaller.
        heap = self.heap
        smallest = heap[0]
        heap[0] = x
        self._sift_to_leaf(0)
        return smallest

    def size(self) -> int:
        return len(self.heap)

    def _sift_up(self, start, pos):
        # Moves heap[pos] up while it is smaller than its parent (CPython's _siftdown).
        heap = self.heap
        item = heap[pos]
        while pos > start:
            parent_pos = (pos - 1) >> 1
            parent = heap[parent_pos]
            if item < parent:
                heap[pos] = parent
                pos = parent_pos
                continue
            break
        heap[pos] = item

    def _sift_to_leaf(self, pos):
        # Hole to a leaf along the smaller children, then the item back up (CPython's _siftup).
        heap = self.heap
        end = len(heap)
        start = pos
        item = heap[pos]
        child = 2 * pos + 1
        while child < end:
            right = child + 1
            if right < end and not heap[child] < heap[right]:
                child = right
            heap[pos] = heap[child]
            pos = child
            child = 2 * pos + 1
        heap[pos] = item
        self._sift_up(start, pos)
