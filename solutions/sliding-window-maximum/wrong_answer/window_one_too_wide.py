# Wrong answer: expires the front only once it is more than k back, so each window has k + 1 values (example-1's 2nd window gives 3 as it should, but example-3 [9,8,7,6,5], k=2 gives [9,9,8,7]).
from collections import deque
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        queue = deque()
        maxima = []
        for i, x in enumerate(nums):
            if queue and queue[0] < i - k:  # should be <=: index i - k is already outside
                queue.popleft()
            while queue and nums[queue[-1]] <= x:
                queue.pop()
            queue.append(i)
            if i >= k - 1:
                maxima.append(nums[queue[0]])
        return maxima
