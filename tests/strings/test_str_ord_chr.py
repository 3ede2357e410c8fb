# Covers ord() and chr() across ranges, round trips, and their errors.
for c in ["a", "A", "0", " ", "\n", "\x00", "é", "✓", "日", "\U0001F600", "\uffff", "\U0010FFFF"]:
    print(repr(c), ord(c), repr(chr(ord(c))), chr(ord(c)) == c)
print([chr(i) for i in range(97, 123)], "".join(chr(i) for i in range(65, 91)))
print(chr(0x41) + chr(0x3b1) + chr(0x65e5), [ord(ch) for ch in "héllo"])
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
for bad in ("", "ab"):
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    ord(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
print(ord(b"a"), ord(bytes([200])))
