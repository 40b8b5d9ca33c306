# Accepted: pasted from LeetCode as is (no import of List): sort, skip equal values at the same level, break.
class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        res = []

        def backtrack(start, remain, comb):
            if remain == 0:
                res.append(comb[:])
                return
            for i in range(start, len(candidates)):
                if i > start and candidates[i] == candidates[i - 1]:
                    continue
                if candidates[i] > remain:
                    break
                comb.append(candidates[i])
                backtrack(i + 1, remain - candidates[i], comb)
                comb.pop()

        backtrack(0, target, [])
        return res
