# Wrong answer: appends the shared path itself, not a copy; it is empty at the end, so [[], []] comes back.
from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        result, path = [], []

        def dfs(start, remaining):
            if remaining == 0:
                result.append(path)
                return
            for i in range(start, len(candidates)):
                if candidates[i] > remaining:
                    break
                path.append(candidates[i])
                dfs(i, remaining - candidates[i])
                path.pop()

        dfs(0, target)
        return result
