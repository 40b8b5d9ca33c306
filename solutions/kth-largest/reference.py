# Reference: quickselect with a three-way split, O(n) expected time.
#
# Each round splits the values still in play into > pivot, == pivot and < pivot and keeps only
# the part holding the k-th largest. The == part keeps duplicates linear: on an all-equal array
# the first round ends the search. The pivot is drawn from a fixed-seed generator, so sorted
# input is not a worst case and the same input always takes the same path.
import random
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        rng = random.Random(215)
        while True:
            pivot = nums[rng.randrange(len(nums))]
            greater = [x for x in nums if x > pivot]
            if k <= len(greater):
                nums = greater
                continue
            k -= len(greater)
            equal = nums.count(pivot)  # C code: no list needed for the == part
            if k <= equal:
                return pivot
            k -= equal
            nums = [x for x in nums if x < pivot]
