# Covers float arithmetic incl. mixed int/float, true division, unary ops, comparisons with ints.
xs = [1.5, -1.5, 0.1, 2.0, -7.25, 1e10, 3.0]
ys = [2.0, -0.5, 3, -4, 0.3]
for x in xs:
    for y in ys:
        print(x, y, x + y, x - y, x * y, x / y)
print(1 + 2.0, 3 * 0.5, 7 / 2, 2 ** 0.5, 10 ** -2, 2.0 ** 10, (-8.0) ** 2, 0.5 ** -2)
print(-(1.5), +(-2.5), abs(-3.25), abs(-0.0), -0.0 == 0.0)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, 1.0 == 1, 2.5 > 2, 2.5 < 3)
print(float(7), float("3.5"), float(" -2.25 "), float("1e3"), float("-1E-3"), float("1_000.5"))
print(type(1 + 1.0).__name__, type(2 * 1.0).__name__, type(4 / 2).__name__)
x = 1.0
for i in range(10):
    x = x * 1.5 + 0.25
print(x)
x = 100.0
x /= 8; print(x)
x -= 0.5; print(x)
x **= 2; print(x)
x //= 3; print(x)
x %= 7; print(x)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-8.0) ** 0.5
    print("complex result, not printed")
except Exception as e:
    print(type(e).__name__)
print(1e308 + 1e308, -1e308 - 1e308, 1e-320 / 1e10)
print(10 ** 20 / 3, 2 ** 70 / 2 ** 69, 10 ** 400 // 10 ** 399 / 2)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print(type(e).__name__, e)
