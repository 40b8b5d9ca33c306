# Memory limit exceeded: slices every window first: (n - k + 1) lists of k slots, 4 MB each at the largest size.
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        windows = [nums[i:i + k] for i in range(len(nums) - k + 1)]
        return [max(window) for window in windows]
