# Time limit exceeded: correct, but unsorted and unpruned: each step scans every remaining candidate (10^5).
from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        result = []

        def dfs(start, remaining, path):
            if remaining == 0:
                result.append(path)
                return
            for i in range(start, len(candidates)):
                if candidates[i] <= remaining:
                    dfs(i, remaining - candidates[i], path + [candidates[i]])

        dfs(0, target, [])
        return result
