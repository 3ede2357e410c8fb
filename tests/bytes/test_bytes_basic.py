# Covers bytes literals, indexing (-> int), slicing, iteration, constructors, concatenation, comparisons.
b = b"hello\x00\xffworld"
print(b, len(b), b[0], b[-1], b[5], b[6], b[1:4], b[::-1], b[::2], b[100:], type(b[0]).__name__)
print(list(b[:5]), [x for x in b"AZ"], tuple(b"\x01\x02"))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"copy"), bytes(), bytes((0, 255)))
print(bytes("héllo", "utf-8"), b"a" + b"b", b"ab" * 3, 3 * b"-", b"" * 5)
print(b"abc" == b"abc", b"abc" < b"abd", b"ab" < b"abc", b"" < b"\x00", b"a" != "a", b"b" > b"a")
print(b"ell" in b"hello", 104 in b"hello", 0 in b"hello", b"" in b"x")
print(rb"\n raw", b"\x41\102\n", b'single "quotes"', b"it's", br"\d")
for bad in ([256], [-1], ["a"], "str"):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b[20]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"a" + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(hash(b"abc") == hash(b"ab" + b"c"), {b"k": 1}[b"k"], isinstance(b, bytes), type(b).__name__)
