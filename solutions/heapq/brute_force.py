# Brute force: an unordered list, with the minimum found by a full scan. O(n) per pop, obviously
# correct: pushpop is literally push then pop, replace literally pop then push.
from typing import List, Optional


class MinHeap:
    def __init__(self, nums: Optional[List[int]] = None):
        self.items = list(nums) if nums else []

    def push(self, x: int) -> None:
        self.items.append(x)

    def pop(self) -> int:
        smallest = min(self.items)
        self.items.remove(smallest)
        return smallest

    def peek(self) -> int:
        return min(self.items)

    def pushpop(self, x: int) -> int:
        self.push(x)
        return self.pop()

    def replace(self, x: int) -> int:
        smallest = self.pop()
        self.push(x)
        return smallest

    def size(self) -> int:
        return len(self.items)
