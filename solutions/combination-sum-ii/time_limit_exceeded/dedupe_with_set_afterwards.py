# Time limit exceeded: correct, but walks every subset of equal values and dedupes in a set: C(100,50) paths for 100 ones.
from typing import List


class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        found = set()

        def dfs(start, remaining, path):
            if remaining == 0:
                found.add(tuple(path))
                return
            for i in range(start, len(candidates)):
                if candidates[i] > remaining:
                    break
                dfs(i + 1, remaining - candidates[i], path + [candidates[i]])

        dfs(0, target, [])
        return [list(t) for t in found]
