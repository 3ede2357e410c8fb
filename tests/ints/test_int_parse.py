# Covers int(str, base) incl. base 0, prefixes, underscores, whitespace, signs and ValueErrors.
cases = [("10", 10), ("10", 2), ("10", 8), ("10", 16), ("10", 36), ("z", 36), ("Z", 36),
         ("ff", 16), ("FF", 16), ("0xff", 16), ("0o17", 8), ("0b101", 2), ("0xff", 0),
         ("0o17", 0), ("0b101", 0), ("42", 0), ("0", 0), ("00", 0), ("1_000", 0),
         ("1_000", 10), ("0x_ff", 0), ("  -0x10 ", 0), ("+0b11", 0), ("-101", 2),
         ("7fffffffffffffffffffffff", 16), ("-zz", 36), ("\t12\n", 10)]
for s, base in cases:
    print(repr(s), base, int(s, base))
bad = [("", 10), ("abc", 10), ("12a", 10), ("2", 2), ("08", 0), ("0x", 16), ("1__0", 10),
       ("_1", 10), ("1_", 10), ("0b102", 0), ("1.5", 10), (" ", 10), ("- 1", 10), ("9", 8)]
for s, base in bad:
    try:
        int(s, base)
        print("no error", repr(s))
    except ValueError as e:
        print(type(e).__name__, e)
for base in (1, 37, -1):
    try:
        int("1", base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(12, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__)
print(int("123456789" * 5), int("-" + "9" * 40))
print(int(b"42"), int(" 7 "))
