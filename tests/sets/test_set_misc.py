# Covers sets with mixed hashable values, dedup idioms, iteration after removals, and set equality.
vals = [5, 3, 5, 1, 3, 9, 1, 0]
print(sorted(set(vals)), len(set(vals)), list(dict.fromkeys(vals)))
s = set(range(8))
for x in [1, 3, 5]:
    s.discard(x)
print(s, sorted(s))
s2 = {(1, 2), (1, 2), (2, 1)}
print(len(s2), sorted(s2), (1, 2) in s2)
mixed = {1, 1.0, True, "1", b"1", None, (1,)}
print(len(mixed), 1 in mixed, "1" in mixed, None in mixed, 2 in mixed)
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print(type(e).__name__, e)
e = set()
print(e, repr(e), repr(frozenset()), repr(frozenset({1})), str({1, 2}))
seen = set()
out = []
for w in "a b a c b d a".split():
    if w not in seen:
        seen.add(w)
        out.append(w)
print(out, sorted(seen))
print(max({3, 7, 1}), min({3, 7, 1}), sum({1, 2, 3}), sorted({-1, -5, 2}), any(set()), all(set()))
