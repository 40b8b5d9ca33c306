# Accepted: pasted from LeetCode as is: no imports, relying on heapify, heappush, heappop,
# heappushpop and heapreplace being pre-imported, as LeetCode does. The heapq module is C code.
class MinHeap:

    def __init__(self, nums: List[int] = []):
        self.h = nums[:]
        heapify(self.h)

    def push(self, x: int) -> None:
        heappush(self.h, x)

    def pop(self) -> int:
        return heappop(self.h)

    def peek(self) -> int:
        return self.h[0]

    def pushpop(self, x: int) -> int:
        return heappushpop(self.h, x)

    def replace(self, x: int) -> int:
        return heapreplace(self.h, x)

    def size(self) -> int:
        return len(self.h)
