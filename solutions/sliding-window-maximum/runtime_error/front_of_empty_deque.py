# Runtime error: checks whether the front expired before anything was pushed; queue[0] on the empty deque raises IndexError.
from collections import deque
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        queue = deque()
        maxima = []
        for i, x in enumerate(nums):
            if queue[0] <= i - k:  # missing "queue and": empty at i = 0
                queue.popleft()
            while queue and nums[queue[-1]] <= x:
                queue.pop()
            queue.append(i)
            if i >= k - 1:
                maxima.append(nums[queue[0]])
        return maxima
