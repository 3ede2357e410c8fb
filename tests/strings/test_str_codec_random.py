# Randomized UTF-8 / UTF-16 / UTF-32 / Latin-1 / ASCII round trips and error handlers
# (decoder fast paths, one-pass encoders).
state = 7
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 33
pools = [(0, 0x80), (0x80, 0x100), (0x100, 0x800), (0x800, 0xd800), (0xe000, 0x10000), (0x10000, 0x110000)]
h = 0
for t in range(3000):
    n = rnd() % 40
    mask = rnd() % 64 or 1
    cps = []
    for i in range(n):
        choices = [p for k, p in enumerate(pools) if mask >> k & 1]
        lo, hi = choices[rnd() % len(choices)]
        cps.append(lo + rnd() % (hi - lo))
    s = ''.join(map(chr, cps))
    b = s.encode()
    assert b.decode() == s
    for enc in ('utf-16', 'utf-16-le', 'utf-32-be', 'latin-1', 'ascii'):
        try:
            x = s.encode(enc)
            assert x.decode(enc) == s
        except UnicodeEncodeError as e:
            x = repr(e).encode()
        for ch in x:
            h = (h * 131 + ch) % 1000000007
    for ch in b:
        h = (h * 131 + ch) % 1000000007
    # invalid input and error handlers
    if n:
        bad = bytearray(b)
        bad[rnd() % len(bad)] = rnd() % 256
        bad = bytes(bad)
        for errors in ('replace', 'ignore', 'surrogateescape', 'backslashreplace'):
            d = bad.decode('utf-8', errors)
            h = (h * 131 + hash(d) % 1000) % 1000000007 if False else (h * 131 + len(d) + sum(map(ord, d))) % 1000000007
        try:
            bad.decode()
        except UnicodeDecodeError as e:
            for ch in str(e).encode():
                h = (h * 131 + ch) % 1000000007
    sur = s + '\udc80' + s
    for errors in ('surrogateescape', 'surrogatepass', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace'):
        try:
            for ch in sur.encode('utf-8', errors):
                h = (h * 131 + ch) % 1000000007
        except UnicodeEncodeError as e:
            for ch in str(e).encode():
                h = (h * 131 + ch) % 1000000007
print(h)
