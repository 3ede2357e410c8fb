# Covers bytes.decode and str.encode round trips for many code points and error cases.
chars = "aZ09~é߿ࠀ✓日本￿𐀀😀\U0010ffff"
for c in chars:
    e = c.encode("utf-8")
    print(repr(c), e, len(e), e.decode("utf-8") == c)
whole = chars.encode()
print(whole.decode() == chars, len(whole))
for bad in [b"\x80", b"\xc3", b"\xc3\x28", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xf5\x80\x80\x80",
            b"ok\xfe", b"\xc0\xaf"]:
    try:
        bad.decode("utf-8")
        print("decoded", bad)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e.start, e.end, e.reason, e)
    print(bad.decode("utf-8", "replace"), bad.decode("utf-8", "ignore"), repr(bad.decode("latin-1")))
