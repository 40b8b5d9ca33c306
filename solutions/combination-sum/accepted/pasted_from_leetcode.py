# Accepted: pasted from LeetCode as is (no import of List): sort, backtrack, break once too big.
class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        res = []

        def backtrack(start, remain, comb):
            if remain == 0:
                res.append(list(comb))
                return
            for i in range(start, len(candidates)):
                if candidates[i] > remain:
                    break
                comb.append(candidates[i])
                backtrack(i, remain - candidates[i], comb)
                comb.pop()

        backtrack(0, target, [])
        return res
