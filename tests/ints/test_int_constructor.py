# Covers int() and float() constructor corner cases: keywords, bases, Unicode digits/spaces, limits.
import sys
print(int("10", base=2), int("10", 0), int(x := "7"), int("٣"), int(" \u3000 12 "), float("١.٥"), int("\U0001D7CE\U0001D7D9"))
for call in (lambda: int(x=5), lambda: int("1", 2, 3), lambda: int(base=2), lambda: int("1", base=37),
             lambda: int("1", base=1), lambda: int(1.5, 10), lambda: int("9", 8), lambda: int("\x1c5"),
             lambda: int(b"5\x00"), lambda: int("1" * 5000), lambda: int("0" * 4301), lambda: str(10 ** 5000),
             lambda: int("a" * 300), lambda: float(x=1), lambda: float(1, 2), lambda: bool(1, 2), lambda: bool(x=1)):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(len(str(10 ** 4299)), int("1" * 4300) % 1000, len(hex(10 ** 5000)), int("f" * 5000, 16) % 10)
print(sys.maxsize, -sys.maxsize - 1, type(sys.maxsize).__name__)
print(int(True), int(-2.5), int(1e18), int(-1e19), int(2.0 ** 70), int("-0"), int("+0_0"))
print(hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 30), hash(-(10 ** 30)))
print(hash(1.5), hash(-0.5), hash(1e100), hash(float("inf")), hash(float("-inf")), hash(2.0 ** 70) == hash(2 ** 70))
