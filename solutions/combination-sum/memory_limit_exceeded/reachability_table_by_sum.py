# Memory limit exceeded: a reachability table over every sum 0..target to prune the search; 8 GB of list at 10^9.
from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        reachable = [False] * (target + 1)  # reachable[s]: some combination sums to s
        reachable[0] = True
        for c in candidates:
            for s in range(c, target + 1):
                if reachable[s - c]:
                    reachable[s] = True
        result, path = [], []

        def dfs(start, remaining):
            if remaining == 0:
                result.append(path[:])
                return
            for i in range(start, len(candidates)):
                c = candidates[i]
                if c > remaining:
                    break
                if reachable[remaining - c]:
                    path.append(c)
                    dfs(i, remaining - c)
                    path.pop()

        dfs(0, target)
        return result
