# Covers dict edge cases: order after deletes, popitem, __missing__, KeyError reprs, mutation during iteration, update forms and errors, view set operations, numeric key equality.
d = {}
for i in range(20): d[i] = i
for i in range(0, 20, 2): del d[i]
for i in range(20, 30): d[i] = i
print(d)
print(list(reversed(d)), list(reversed(d.items()))[:3])
d = dict.fromkeys("abcdef", 0)
print(d.popitem(), d.popitem(), d)
d["z"] = 1; print(d.popitem())
class D(dict):
    def __missing__(self, k): return k * 2
dd = D(a=1); print(dd["a"], dd["bb"], dd, type(dd).__name__, "bb" in dd)
class E(dict): pass
e = E(); 
try: e["x"]
except KeyError as ex: print(repr(ex))
try: {}[(1, 2)]
except KeyError as ex: print(repr(ex), ex.args)
d = {1: 1}
try:
    for k in d: d[k + 1] = 1
except RuntimeError as ex: print(ex)
d = {1: 1, 2: 2}
it = iter(d); next(it); del d[1]; d[3] = 3
try: next(it)
except RuntimeError as ex: print(ex)
print({1: 2} | {3: 4}, {1: 2}.__or__([(3, 4)]))
try: {1: 2} | [(3, 4)]
except TypeError as ex: print(ex)
d = {1: 2}; d |= [(3, 4)]; print(d)
print(dict([(1, 2), [3, 4], "ab"]))
try: dict([1])
except TypeError as ex: print(ex)
try: dict([(1, 2, 3)])
except ValueError as ex: print(ex)
try: dict(1, 2)
except TypeError as ex: print(ex)
try: {}.update(1, 2)
except TypeError as ex: print(ex)
try: {}.get()
except TypeError as ex: print(ex)
try: {}.pop()
except TypeError as ex: print(ex)
class M:
    def keys(self): return ["x", "y"]
    def __getitem__(self, k): return k.upper()
print(dict(M()), dict(M(), z=1))
d = {"a": 1}
print(d.keys() & ["a", "b"], d.keys() | ["b"], d.keys() - {"a"}, d.keys() ^ {"a", "c"})
print(d.items() & {("a", 1)}, d.items() ^ {("a", 2)}, {("a", 1)} == d.items(), d.items() == {("a", 1)})
print({"a": 1, "b": 2}.items() ^ {"a": 1, "c": 3}.items())
print(d.keys() == {"a"}, d.keys() != {"a"}, d.keys() < {"a", "b"}, d.keys() <= {"a"}, d.keys() > set())
print(repr(d.keys()), repr(d.values()), repr(d.items()), d.keys().isdisjoint(["b"]))
print(len(d.values()), 1 in d.values(), list(d.values()))
r = {}; r[1] = r.keys(); print(r)
try: hash(d.keys())
except TypeError as ex: print(ex)
print(hash(d.values()) != 0)
print(dict(zip(range(3), "abc")), dict({1: 2}, **{"x": 3}))
d = {}
d[1] = "a"; d[1.0] = "b"; d[True] = "c"; print(d)
print({0: 1} == {0.0: 1}, {1: [1]} == {1: [1]}, {1: 1} == {1: 2}, {1: 1} != {2: 1})
class K:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o): return isinstance(o, K) and self.h == o.h
    def __repr__(self): return f"K({self.h})"
d = {K(i % 4): i for i in range(8)}; print(d)
d = {}
for i in range(1000): d[str(i)] = i
for i in range(0, 1000, 3): del d[str(i)]
print(len(d), list(d)[:5], d["999"] if "999" in d else None)
print({}.setdefault(1), {}.get(1, 5))
d = {"a": [1]}; c = d.copy(); c["a"].append(2); print(d)
print(dict.fromkeys([1, 2]), D.fromkeys([1]), type(D.fromkeys([1])).__name__)
d = {i: i for i in range(10)}
while d: d.popitem()
print(d)
try: d.popitem()
except KeyError as ex: print(ex)
d = dict(a=1, b=2); del d["a"]; d["a"] = 3; print(d, list(d.items()))
print(dict(d.items()) == d, sorted(d), len({1:1, 2:2}.keys()))
x = {}
x[x.__class__] = 1; print(x)
print({(1, 2): 3}[1, 2])
kv = {"k": 1}; vi = iter(kv.values()); print(next(vi), list(vi))
print(list({1: 2, 3: 4}.items()), iter({}).__length_hint__())
