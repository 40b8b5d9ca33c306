# Reference: backtracking over the sorted candidates, skipping equal values at each level and
# breaking early, O(n log n + n P).
#
# Each candidate is used at most once (the next number comes from index i + 1 on). At one level
# (one position of the combination) only the first of a run of equal values is tried: [1, 1, 6]
# is still found, the second 1 being taken one level deeper, but nothing is listed twice.
from typing import List


class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates = sorted(candidates)
        combinations = []
        path = []

        def extend(start: int, remaining: int) -> None:
            if remaining == 0:
                combinations.append(path[:])
                return
            for i in range(start, len(candidates)):
                candidate = candidates[i]
                if candidate > remaining:
                    break  # sorted: every later candidate is larger too
                if i > start and candidate == candidates[i - 1]:
                    continue  # this value was already tried at this position
                path.append(candidate)
                extend(i + 1, remaining - candidate)
                path.pop()

        extend(0, target)
        return combinations
