# Reference: a monotonic queue of indices, O(n) time and O(k) extra space.
#
# The deque holds, oldest first, the indices of the window's values that no later value beats:
# their values strictly decrease from front to back. A new value removes from the back every
# value it is at least as large as, then joins; the front is the window's maximum and leaves once
# it falls out of the window. Each index joins and leaves once: O(n).
from collections import deque
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        queue = deque()
        maxima = []
        for i, x in enumerate(nums):
            if queue and queue[0] == i - k:  # the front just left the window
                queue.popleft()
            while queue and nums[queue[-1]] <= x:
                queue.pop()
            queue.append(i)
            if i >= k - 1:
                maxima.append(nums[queue[0]])
        return maxima
