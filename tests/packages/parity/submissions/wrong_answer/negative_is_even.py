# Wrong on negative odd numbers: it calls every negative number even.
n = int(input())
print("even" if n < 0 or n % 2 == 0 else "odd")
