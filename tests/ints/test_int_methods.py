# Covers int methods: to_bytes/from_bytes, as_integer_ratio, round with ndigits, bit ops helpers,
# real/imag/numerator/denominator, __trunc__/__floor__/__ceil__, int subclasses.
for n in (0, 1, 127, 128, 255, 256, -1, -128, -129, 2 ** 64, -(2 ** 70)):
    for length in (1, 2, 9, 10):
        for signed in (False, True):
            for order in ("big", "little"):
                try:
                    b = n.to_bytes(length, order, signed=signed)
                    print(n, length, order, signed, b, int.from_bytes(b, order, signed=signed) == n)
                except OverflowError as e:
                    print(n, length, order, signed, "OverflowError", e)
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, byteorder="little"), (5).to_bytes())
print(int.from_bytes(b"\xff\xfe", "big"), int.from_bytes(b"\xff\xfe", "little", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x00\x10"), "little"), int.from_bytes(b"", "big"))
for bad in [lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big"), lambda: (-1).to_bytes(1, "big"),
            lambda: (256).to_bytes(1, "big"), lambda: (0).to_bytes(0, "big")]:
    try:
        print(repr(bad()))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for n in (0, 7, -7, 10 ** 20):
    print(n.as_integer_ratio(), n.real, n.imag, n.numerator, n.denominator, n.conjugate())
for n in (0, 5, 15, 25, 35, -15, -25, 1234567, 2 ** 80, -(2 ** 80) - 5 * 10 ** 5):
    print(n, round(n), round(n, 2), round(n, -1), round(n, -2), round(n, -6), round(n, -30))
print(round(5, None), (7).__round__(), (7).__trunc__(), (7).__floor__(), (7).__ceil__(), int.__index__(9))
print((255).bit_length(), (-256).bit_length(), (0).bit_count(), (-(2 ** 100)).bit_length())

class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % int(self)

m = MyInt(41)
print(m, str(m), m + 1, type(m + 1).__name__, type(-m).__name__, type(abs(m)).__name__, m == 41, hash(m) == hash(41))
print(MyInt("0x10", 16), MyInt(3.9), type(MyInt(2 ** 100)).__name__, MyInt(2 ** 100) - 2 ** 100)
print(isinstance(m, int), int(m), type(int(m)).__name__, m.real, type(m.real).__name__, format(m, ""), format(m, "05d"))
print(MyInt.from_bytes(b"\x01\x00", "big"), type(MyInt.from_bytes(b"\x01", "big")).__name__)

class Idx:
    def __index__(self):
        return 6
class Tr:
    def __int__(self):
        return 3
print(int(Idx()), int(Tr()), bin(Idx()), hex(Idx()), [10, 20, 30, 40, 50, 60, 70][Idx()])
print(int("  12  "), int("-0b1_01", 0), int("z", 36), int(b" 42 "), int(bytearray(b"7")))
