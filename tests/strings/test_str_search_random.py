# Randomized find/rfind/count/split/replace/partition over all kinds, with start/end
# (the Horspool searches in str_search.c and the one-character split).
state = 99
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 33
alphabets = ['ab', 'abc\xe9', 'a\u65e5b', 'x\U0001f600y', 'abcdefgh']
h = 0
for t in range(4000):
    al = alphabets[rnd() % len(alphabets)]
    hay = ''.join(al[rnd() % len(al)] for _ in range(rnd() % 60))
    nd = ''.join(al[rnd() % len(al)] for _ in range(1 + rnd() % 5))
    if rnd() % 3 == 0 and hay:
        a = rnd() % len(hay); nd = hay[a:a + 1 + rnd() % 6]
    st = rnd() % 70 - 10; en = rnd() % 70 - 10
    r = (hay.find(nd), hay.rfind(nd), hay.count(nd), hay.find(nd, st), hay.rfind(nd, st, en), hay.count(nd, st, en),
         nd in hay, len(hay.split(nd)), len(hay.rsplit(nd, 2)), hay.replace(nd, '#', 3), hay.partition(nd), hay.rpartition(nd),
         hay.encode().find(nd.encode()), hay.encode().rfind(nd.encode(), st))
    for ch in repr(r):
        h = (h * 1000003 + ord(ch)) % (1 << 61)
print(h)

tests = ['a,b,,c', '', ',', ',,', 'abc', '\xe9,\xe9,', '\u65e5,\u672c', '\u65e5\u672c\u65e5', 'x\U0001f600y\U0001f600']
for t in tests:
    for sep in [',', '\xe9', '\u65e5', '\U0001f600', 'y', ',,']:
        for m in (-1, 0, 1, 2):
            print(repr(t.split(sep, m)), repr(t.rsplit(sep, m)))
