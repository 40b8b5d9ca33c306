# Reference: backtracking over the sorted candidates, with the early break, O(n log n + P).
#
# Combinations are built in non-decreasing order (the next number comes from index i on, i
# included), so each multiset appears once; sorting lets the loop stop at the first candidate
# larger than what is left. One shared path; only emitted answers are copied.
from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
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
                path.append(candidate)
                extend(i, remaining - candidate)
                path.pop()

        extend(0, target)
        return combinations
