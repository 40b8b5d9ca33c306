# Accepted: pasted from LeetCode as is (no import of List): the built-in sort is C code, O(n log n).
class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        return sorted(nums)[-k]
