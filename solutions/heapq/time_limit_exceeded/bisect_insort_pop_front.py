# Time limit exceeded: a sorted list with bisect.insort and pop(0); both shift the whole list,
# O(n) per operation, hopeless on a heap of over half a million elements.
import bisect
from typing import List, Optional


class MinHeap:
    def __init__(self, nums: Optional[List[int]] = None):
        self.items = sorted(nums or [])

    def push(self, x: int) -> None:
        bisect.insort(self.items, x)

    def pop(self) -> int:
        return self.items.pop(0)

    def peek(self) -> int:
        return self.items[0]

    def pushpop(self, x: int) -> int:
        self.push(x)
        return self.pop()

    def replace(self, x: int) -> int:
        top = self.pop()
        self.push(x)
        return top

    def size(self) -> int:
        return len(self.items)
