# Covers repr/str of bytes: escapes, quote choice, printable vs non-printable bytes.
for b in [b"", b"abc", b"it's", b'say "hi"', b"both ' \"", b"\\", b"\t\n\r", b"\x00\x7f\x80\xff",
          bytes(range(0, 256, 17)), "é".encode(), b" ~"]:
    print(repr(b), str(b), len(b))
print([b"a", b"\n"], (b"x",), {b"k": b"v"})
print(repr(bytes(range(32))))
print(repr(bytes(range(120, 140))))
