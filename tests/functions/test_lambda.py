# Covers lambda: expressions, defaults, closures, in sorted/map/filter, immediately-invoked, __name__.
sq = lambda x: x * x
print(sq(7), (lambda: "none")(), (lambda *a, **k: (a, k))(1, z=2), (lambda x, y=10: x + y)(1))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda s: s.startswith("a"), ["ab", "ba", "ac"])))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), sq.__name__, (lambda: 0).__name__)
make = lambda n: lambda x: x * n
print(make(3)(4), make("ab")(2))
cond = lambda v: "pos" if v > 0 else ("zero" if v == 0 else "neg")
print([cond(v) for v in (-1, 0, 1)])
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
print(ops["add"](2, 3), ops["sub"](2, 3), type(sq).__name__, callable(sq))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
