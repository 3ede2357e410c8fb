# Covers every byte value through bytes predicates, case mapping, hex, repr, split/strip, and latin-1/utf-8/ascii decoding with error handlers.
for i in range(256):
    b = bytes([i])
    print(i, repr(b), b.isalpha(), b.isdigit(), b.isspace(), b.islower(), b.isupper(), b.upper(), b.lower(), b.title(), b.swapcase(), b.hex(), b.decode("latin-1"), repr(bytearray(b)), b.split(), b.strip(), b.splitlines(), b.decode("utf-8", "replace"), b.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"), b.decode("ascii", "backslashreplace"))
print(repr(bytes(range(256))))
print(repr(bytes(range(256)).decode("latin-1")))
