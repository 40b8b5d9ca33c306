# Refuses numbers that do not fit 32 bits, as a fixed-width reader would: exits with an error.
n = int(input())
if abs(n) >= 2**31:
    raise OverflowError("n does not fit in 32 bits")
print("even" if n % 2 == 0 else "odd")
