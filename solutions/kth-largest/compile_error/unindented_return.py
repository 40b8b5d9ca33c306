# Compile error: the return statement lost its indentation inside the method, an IndentationError.
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        nums.sort()
    return nums[-k]
