# Covers str.encode / bytes.decode with utf-8, ascii, latin-1 and error handlers.
s = "héllo ✓ 日本"
for enc in ("utf-8", "utf8", "UTF-8"):
    print(enc, s.encode(enc))
print(s.encode(), "abc".encode("ascii"), "é".encode("latin-1"), "ÿ".encode("latin1"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), "é✓".encode("latin-1", "replace"))
try:
    "✓".encode("latin-1")
except UnicodeError as e:
    print(type(e).__name__, e)
b = s.encode()
print(b.decode(), b.decode("utf-8") == s, b[:2].decode("utf-8", "ignore"), b[:2].decode("utf-8", "replace"))
try:
    b[:2].decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e, isinstance(e, ValueError), isinstance(e, UnicodeError))
print(b"\xe9".decode("latin-1"), b"caf\xc3\xa9".decode(), bytes(range(65, 70)).decode("ascii"))
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(str(b"abc", "ascii"), str(b"\xc3\xa9", "utf-8"), len("日".encode()), len("😀".encode()))
