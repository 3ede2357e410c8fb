# Covers small-int arithmetic: + - * / // % ** unary ops, precedence, truthiness, and int().
vals = [0, 1, -1, 2, -2, 7, -7, 10, -13, 100, 12345]
for a in vals:
    for b in (3, -3, 7, -7, 1):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(-5, +5, -(-5), +(-5), abs(-5), abs(5))
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 2 - 3, 100 // 10 // 3, 2 * 3 % 4, 7 % 3 * 2)
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, type(6 / 3).__name__)
print(bool(0), bool(1), bool(-1), not 0, not 5)
print(int(), int(3.9), int(-3.9), int("42"), int(" -17 "), int(True), int("+8"))
print(int("0"), int("-0"), int("000123"))
print(1_000_000, 0x_ff, 0o17, 0b1010, 0xDEAD_BEEF)
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 0xF; print(x)
x ^= 0b101; print(x)
print(type(1).__name__, type(10**30).__name__, isinstance(5, int), isinstance(True, int))
print(3 == 3.0, 1 < 2 < 3, 3 > 2 > 2)
print(int.__name__, repr(123), str(-456), repr(-0))
total = 0
for i in range(1, 101):
    total += i * i % 7
print(total)
