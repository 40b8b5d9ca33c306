# Runtime error: the while loop trusts that some candidate is too big; when none is, candidates[i] raises IndexError.
from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        result, path = [], []

        def dfs(i, remaining):
            if remaining == 0:
                result.append(path[:])
                return
            while candidates[i] <= remaining:
                path.append(candidates[i])
                dfs(i, remaining - candidates[i])
                path.pop()
                i += 1

        dfs(0, target)
        return result
