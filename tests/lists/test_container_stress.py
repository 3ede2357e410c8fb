# Covers container stress: freeing deeply nested containers, RecursionError in repr, big sorts (incl. NaN), __eq__/__lt__ call sequences, mutation inside comparisons.
# deep nesting
l = []
for i in range(200000):
    l = [l]
del l
print("deep list freed")
d = {}
for i in range(100000):
    d = {"k": d}
del d
t = ()
for i in range(100000):
    t = (t,)
del t
print("deep dict/tuple freed")
x = []
for i in range(10000):
    x = [x]
try:
    repr(x)
except RecursionError as e:
    print("RecursionError")
# big sorts
vals = [(i * 2654435761) % 1000003 for i in range(100000)]
s = sorted(vals)
print(s[:5], s[-5:], sum(s[::1000]))
pairs = [((i * 7) % 13, i) for i in range(1000)]
print(sorted(pairs, key=lambda p: p[0])[:10])
fl = [((i * 37) % 101) / 7 for i in range(500)] + [float("nan")] * 3
print(sorted(fl)[:10], sorted(fl, reverse=True)[:5])
strs = [str((i * 7919) % 10007) for i in range(3000)]
print(sorted(strs)[:10])
mixed = [1, 2.5, True, -3, 0.0, 10**20, -(10**19)]
print(sorted(mixed))
nan = float("nan")
print([nan] == [nan], (nan,) == (nan,), nan in [nan], {nan: 1}[nan], [1, nan].index(nan))
class Eq:
    def __init__(self, n): self.n = n
    def __eq__(self, o): print("eq", self.n, o.n); return self.n == o.n
    def __hash__(self): return 1
    def __repr__(self): return f"Eq({self.n})"
s = {Eq(1), Eq(2)}
print(Eq(2) in s)
d = {Eq(1): 1}
d[Eq(1)] = 2
print(d)
print([Eq(1), Eq(2)] == [Eq(1), Eq(3)])
print((Eq(1),) == (Eq(1),))
class Lt:
    def __init__(self, n): self.n = n
    def __lt__(self, o): print("lt", self.n, o.n); return self.n < o.n
    def __repr__(self): return f"Lt({self.n})"
print(sorted([Lt(3), Lt(1), Lt(2)]))
print([Lt(1), Lt(2)] < [Lt(1), Lt(3)])
# mutation during iteration / comparison
class Mut:
    def __init__(self, d): self.d = d
    def __hash__(self): return 7
    def __eq__(self, o):
        self.d.clear()
        return False
dd = {}
dd[Mut(dd)] = 1
try:
    dd[Mut(dd)] = 2
    print("after", len(dd))
except Exception as e: print(type(e).__name__, e)
lst = [1, 2, 3]
class Grow:
    def __eq__(self, o):
        if len(lst) < 10: lst.append(0)
        return False
print(lst.count(Grow()), len(lst))
print(Grow() in [1, 2])
