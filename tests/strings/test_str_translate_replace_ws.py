# str.translate with dict / dict subclass / arbitrary mappings (the per-call ASCII cache
# applies to exact dicts only), errors; same-length and general replace across kinds;
# whitespace split/strip/repr over U+0000..U+2FFF.
s = "The quick brown fox jumps over the lazy dog \xe9\u65e5\U0001f600 " * 5
tables = [{ord('o'): '0'}, {ord('o'): None, ord('e'): 'EE', 0xe9: 'e', 0x65e5: 0x1f600}, str.maketrans('abc', 'xyz', 'T'),
          {}, {ord('q'): ''}, {32: 0x10ffff}]
for t in tables:
    print(repr(s.translate(t)))
class M(dict):
    def __missing__(self, k):
        return None if k == 32 else k + 1 if k < 128 else '?'
print(repr(s.translate(M())))
class G:
    calls = 0
    def __getitem__(self, k):
        G.calls += 1
        if k == 111: raise LookupError
        return k
print(repr(s.translate(G())), G.calls)
for bad in ({32: -1}, {32: 1.5}, {32: 0x110000}):
    try:
        s.translate(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
cases = ['abcabc', 'a\xe9a\xe9', '\xe9\xe9', 'x\u65e5y\u65e5', '\U0001f600a\U0001f600', '', 'aaa', 'the cat the hat']
subs = ['a', 'ab', '\xe9', '\u65e5', '\U0001f600', 'the', 'aa', 'zz']
news = ['b', 'XY', 'e', '\xff', '\u3042', '\U0001f601', 'THE', 'q', '']
out = []
for c in cases:
    for o in subs:
        for n in news:
            for cnt in (-1, 0, 1, 2):
                r = c.replace(o, n, cnt)
                out.append(r)
                out.append(str(r.isascii()) + str(len(r.encode('utf-32'))))
h = 0
for s in out:
    for ch in s:
        h = (h * 1000003 + ord(ch)) % (1 << 61)
print(len(out), h)
print(out[:20])
print(('abc' * 1000).count('bca'), ('ab' * 1000).count('aba'), ('\u65e5\u672c' * 100).count('\u672c\u65e5', 5, -5))
for c in range(0x3000):
    ch = chr(c)
    t = 'a' + ch + 'b' + ch
    print(c, t.split(), t.rsplit(None, 1), repr(t.strip()), repr(t), ch.isspace()) if ch.isspace() or c % 97 == 0 else None
print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('tab\there'), repr('\\'), repr(''), repr('\x7f\x00'))
