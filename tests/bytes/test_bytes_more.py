# Covers further bytes methods: strip/upper/lower/title/is*/fromhex/hex(sep)/partition/center/zfill.
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip())
print(b"Hello".upper(), b"Hello".lower(), b"hello world".title(), b"abc".isalpha(), b"123".isdigit(),
      b"a1".isalnum(), b" ".isspace())
print(bytes.fromhex("de ad BE EF"), bytes.fromhex(""), bytes.fromhex("00ff"))
print(b"\x01\x02\x03".hex(":"), b"\x01\x02\x03\x04".hex("-", 2))
print(b"key=val".partition(b"="), b"a.b.c".rpartition(b"."), b"ab".center(6, b"*"), b"7".zfill(3))
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(type(e).__name__, e)
