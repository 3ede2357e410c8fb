# Benchmark: recursive fib(27) (function calls, comparisons, small-int arithmetic), repeated 30 times (~0.5-1 s).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
checksum = 0
for _ in range(30):
    checksum += fib(27)
print(checksum)
