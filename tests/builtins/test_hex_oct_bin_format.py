# Covers hex/oct/bin/format builtins and format() with specs on several types.
for n in (0, 7, -7, 255, 2 ** 40, -(2 ** 70)):
    print(hex(n), oct(n), bin(n), format(n, "x"), format(n, "#o"), format(n, "b"))
print(format(3.14159, ".2f"), format("s", "^5"), format(42), format(None), format([1], ""), format(True, "d"))
print(format(1234.5678, ",.2f"), format(0.5, "%"), format(10, "+"), format(-10, " "), format(5, "0>4"))
class T:
    def __format__(self, spec):
        return "T[" + spec + "]"
print(format(T(), "xyz"), format(T()), "{:abc}".format(T()))
for bad in [(1.5, "x"), ("s", "d"), (1, "q")]:
    try:
        format(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
