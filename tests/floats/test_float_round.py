# Covers round() with and without ndigits on floats and ints (banker's rounding), int() truncation.
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6, 0.0, 1e16, 123.456):
    r = round(v)
    print(v, r, type(r).__name__, round(v, 0), round(v, 1), round(v, 2), round(v, -1))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(-1.005, 2))
print(round(12345.6789, -2), round(12345.6789, 3), round(1e-10, 5), round(5e-324, 3))
print(round(1234), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 2))
print(round(2 ** 100, -30), round(15, -1), round(25, -1), type(round(15, -1)).__name__)
print(int(2.9), int(-2.9), int(1e20), int(-0.5), int(1e16), int(123.0))
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2))
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
