# Benchmark: a tight integer loop at module level (globals), exactly as in the issue.
total = 0
for i in range(10**7):
    total += i * i % 7
print(total)
