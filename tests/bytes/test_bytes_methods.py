# Covers bytes methods: split/join/replace/startswith/endswith/find/index/count/hex.
b = b"one,two,,three"
print(b.split(b","), b.split(b",", 1), b.rsplit(b",", 1), b"  a b  c ".split(), b"a\nb\r\nc".splitlines())
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b", ".join((b"x", b"y")))
print(b.replace(b",", b";"), b.replace(b",", b"", 1), b"aaa".replace(b"a", b"bb"))
print(b.startswith(b"one"), b.startswith((b"x", b"on")), b.endswith(b"three"), b.endswith(b"two", 0, 7))
print(b.find(b"two"), b.find(b"zz"), b.rfind(b","), b.find(44), b.index(b"three"), b.count(b","), b.count(b""))
try:
    b.index(b"zz")
except ValueError as e:
    print(type(e).__name__, e)
print(b"\x00\x01\xab\xff".hex(), b"".hex(), b"abc".hex(), bytes(range(16)).hex())
try:
    b"a".join([b"x", "y"])
except TypeError as e:
    print(type(e).__name__, e)
