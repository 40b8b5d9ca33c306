# Wrong answer: sorted(set(nums)) drops the duplicates, so it finds the k-th largest DISTINCT
# value (samples/example-2: [3,2,3,1,2,4,5,5,6], k = 4 gives 3, not 4).
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        values = sorted(set(nums))
        return values[max(-k, -len(values))]
