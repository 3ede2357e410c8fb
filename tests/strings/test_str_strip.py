# Covers strip/lstrip/rstrip with and without char arguments, incl. whitespace variety.
for s in ["  hi  ", "\t\n hi \r\n", "xxhixx", "hi", "", "   ", "ab ba", "\x0b\x0chi\x1c"]:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")),
          repr(s.strip("xh ")), repr(s.lstrip("ab ")), repr(s.rstrip("ab ")))
print(repr("www.example.com".strip("cmowz.")), repr("<<a>>".strip("<>")), repr("aaa".strip("a")))
print(repr("  x ".strip(None)), repr("xyx".strip("")))
try:
    "x".strip(5)
except TypeError as e:
    print(type(e).__name__, e)
