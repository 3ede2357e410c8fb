# Covers ** on ints: big results, negative exponents giving floats, 3-arg pow with negative exponents.
for base in (2, -2, 3, -3, 0, 1, -1, 10):
    print(base, [base ** e for e in range(6)])
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, 4 ** -0.5, 2 ** 0.5)
print(type(2 ** -1).__name__, type(2 ** 10).__name__)
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, 100, 1000000007), pow(-3, 3, 7))
print(pow(3, -1, 7), pow(2, -1, 9), pow(10 ** 20, 3, 97), pow(5, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__)
print(0 ** 0, 0 ** 5, 7 ** 1, (-1) ** 1001, (-1) ** 1000)
print(2 ** 1000 % 1000, len(str(7 ** 500)))
print(2 ** 62, 2 ** 63, -2 ** 63, (-2) ** 63)
x = 3
x **= 40
print(x)
