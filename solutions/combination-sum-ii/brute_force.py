# Brute force: try every subset of indices (2^n of them), keep those summing to target, and
# remove repeats by storing each as a sorted tuple. Independent of the reference's idea.
from itertools import combinations
from typing import List


class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        found = set()
        for size in range(len(candidates) + 1):
            for subset in combinations(candidates, size):
                if sum(subset) == target:
                    found.add(tuple(sorted(subset)))
        return [list(combination) for combination in found]
