# Covers str/repr of ints and hex/oct/bin/format of ints incl. negatives and format specs.
for n in (0, 1, -1, 9, 10, 255, -255, 4096, 2 ** 32, -(2 ** 64), 10 ** 25):
    print(str(n), repr(n), hex(n), oct(n), bin(n))
for spec in ("d", "5d", "<5d", "^7d", "+d", " d", "05d", ",d", "_d", "x", "X", "#x", "#o", "#b",
             "08b", "_b", "c", "e", ".2f", "%"):
    try:
        print(repr(spec), repr(format(255, spec)), repr(format(-42, spec)) if spec != "c" else "")
    except ValueError as e:
        print(type(e).__name__, e)
print(format(1234567, ","), format(1234567890123, "_"), format(-1234567, ",d"))
print("%d %5d %-5d| %05d %+d %x %X %o %#x %#o" % (42, 42, 42, 42, 42, 255, 255, 8, 255, 8))
print(f"{255:x} {255:#010b} {-3:03d} {12345:>10,} {7:*^9}")
try:
    format(3, "s")
except ValueError as e:
    print(type(e).__name__, e)
print(str(True), str(False), repr(True), int(True) + 1, True + True, -True)
