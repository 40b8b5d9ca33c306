# Output limit exceeded: correct, but a debug print left in the loop prints the whole array n times.
from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        nums.sort()
        best = 0
        for i in range(1, len(nums)):
            print(nums, i, best)  # debug
            best = max(best, nums[i] - nums[i - 1])
        return best
