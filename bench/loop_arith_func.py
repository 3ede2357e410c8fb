# Benchmark: the same integer loop as loop_arith.py, but inside a function (fast locals).
def run():
    total = 0
    for i in range(10**7):
        total += i * i % 7
    return total
print(run())
