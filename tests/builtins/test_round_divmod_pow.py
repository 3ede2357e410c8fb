# Covers round, divmod and pow builtins on ints and floats incl. 3-argument pow.
print(round(3.7), round(-3.7), round(2.5), round(3.5), round(3.14159, 2), round(-2.675, 2), round(1234, -2))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2, -2), pow(2.5, 2), pow(9, 0.5), pow(7, 2, 5), pow(7, 123456, 1000))
print(pow(0, 0), pow(1, -1), pow(-1, -1), pow(3, 0, 7), pow(2, 3, -5), pow(-2, 3, 5))
print(round(5), type(round(5.5)).__name__, type(round(5.5, 1)).__name__, round(0.5 + 1e-9), round(-0.5))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    round(1.5, "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(1, "x")
except TypeError as e:
    print(type(e).__name__, e)
