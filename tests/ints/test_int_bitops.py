# Covers & | ^ ~ << >> on ints incl. negatives and big values, bit_length, shift errors.
vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 2 ** 40 + 3, -(2 ** 40) - 3, 2 ** 70]
for a in vals:
    print(a, ~a, a.bit_length(), a & 0xFF, a | 0x100, a ^ -1, a >> 1, a >> 3, a << 3)
for a in (6, -6):
    for b in (3, -3):
        print(a, b, a & b, a | b, a ^ b)
print(1 << 0, 1 << 10, 1 << 62, 1 << 63, 1 << 64, 1 << 200)
print(-1 << 100, -1 >> 100, 5 >> 100, (2 ** 100) >> 98, -(2 ** 100) >> 98)
print((-7) >> 1, (-8) >> 1, (-1) >> 1, 7 >> 1)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
print((255).bit_length(), (-255).bit_length(), (2 ** 100 - 1).bit_length(), (0).bit_length())
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 3).__name__)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
x = 0
for i in range(0, 64, 7):
    x |= 1 << i
print(x, bin(x), x.bit_length(), bin(x).count("1"))
