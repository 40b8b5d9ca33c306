# Accepted: pasted from LeetCode as is (no import of List), with a Solution2 the judge must ignore.
class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        if len(nums) < 2:
            return 0
        nums = sorted(nums)
        ans = 0
        for i in range(1, len(nums)):
            ans = max(ans, nums[i] - nums[i - 1])
        return ans


class Solution2:
    # bucket version, slower in Python than sorted()
    def maximumGap(self, nums: List[int]) -> int:
        lo, hi = min(nums), max(nums)
        if len(nums) < 2 or lo == hi:
            return 0
        size = max(1, (hi - lo) // (len(nums) - 1))
        buckets = {}
        for x in nums:
            b = buckets.setdefault((x - lo) // size, [x, x])
            b[0], b[1] = min(b[0], x), max(b[1], x)
        ans, prev = 0, lo
        for k in sorted(buckets):
            ans = max(ans, buckets[k][0] - prev)
            prev = buckets[k][1]
        return ans
