# Brute force: try every count vector (how many times each candidate is used) whose total stays
# within target, in input order; no sorting, no shared path. Independent of the reference's idea.
from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        counts = [0] * len(candidates)
        found = []

        def choose_count(index: int, total: int) -> None:
            if index == len(candidates):
                if total == target:
                    found.append([c for c, k in zip(candidates, counts) for _ in range(k)])
                return
            count = 0
            while total + count * candidates[index] <= target:
                counts[index] = count
                choose_count(index + 1, total + count * candidates[index])
                count += 1
            counts[index] = 0

        choose_count(0, 0)
        return found
