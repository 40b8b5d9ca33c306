# Wrong answer: dedupes with a set of tuples but never sorts, so (1, 7) and (7, 1) both survive.
from typing import List


class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        found = set()

        def dfs(start, remaining, path):
            if remaining == 0:
                found.add(tuple(path))
                return
            for i in range(start, len(candidates)):
                if candidates[i] <= remaining:
                    dfs(i + 1, remaining - candidates[i], path + [candidates[i]])

        dfs(0, target, [])
        return [list(t) for t in found]
