# Time limit exceeded: correct, but tries every subset with itertools.combinations, 2^100 of them.
from typing import List


class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        found = set()
        for size in range(1, len(candidates) + 1):
            for subset in itertools.combinations(sorted(candidates), size):
                if sum(subset) == target:
                    found.add(subset)
        return [list(s) for s in found]
