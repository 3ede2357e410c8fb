# Covers float.hex/fromhex, as_integer_ratio, is_integer, floor/ceil/trunc, float subclasses and float().
for v in (0.0, -0.0, 1.0, -1.5, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, 3.141592653589793, float("inf"), float("-inf")):
    print(repr(v), v.hex(), float.fromhex(v.hex()) == v)
for s in ("0x1.8p1", " -0X1.8P+1 ", "1p-1074", "1p-1075", "0x.8", "inf", "-Infinity", "0x1.", "0xf.fp0", "0x1.fffffffffffff8p1023"[:0] or "0x1p1023"):
    print(repr(s), float.fromhex(s))
for s in ("x", "0x", "0xp1", "0x.", "1.8p", "0x1p+", "0x1_0", "0x1p1024"):
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for v in (3.75, 0.5, -2.0, 1e300, 5e-324, 0.1, -0.0):
    print(v, v.as_integer_ratio())
for v in (2.5, -2.5, 2.0, -0.5, 1e20, 123.999):
    print(v, v.__trunc__(), v.__floor__(), v.__ceil__(), v.is_integer(), v.conjugate(), v.real, v.imag)
for bad in (float("inf"), float("nan")):
    for f in (int, round, lambda x: x.as_integer_ratio()):
        try:
            f(bad)
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)

class F(float):
    def __repr__(self):
        return "F(%s)" % float.__repr__(self)

f = F(2.5)
print(f, f + 1, type(f + 1).__name__, type(-f).__name__, f == 2.5, hash(f) == hash(2.5), float(f), type(float(f)).__name__)
print(F("1e3"), F(7), F.fromhex("0x1p4"), type(F.fromhex("0x1p4")).__name__, format(f, ".3f"))

class HasFloat:
    def __float__(self):
        return 4.25
class HasIndex:
    def __index__(self):
        return 12
print(float(HasFloat()), float(HasIndex()), float("  -12_5.5e-1 "), float(b"1.5"), float(bytearray(b"2")))
for bad in ("", "1e", "abc", "1__0", "0x1p3", "nan(1)", b"x"):
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in (None, [], "1".encode() and {}):
    try:
        float(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(float.__getformat__("double"), (1.5).__getnewargs__(), (0.5).__round__(), (1.5).__round__(), (2.675).__round__(2))
