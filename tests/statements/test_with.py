# Covers with statements: as-targets (incl. tuples/attributes), multiple items, nesting, parenthesized forms.
class CM:
    def __init__(self, name, value=None):
        self.name = name
        self.value = value
    def __enter__(self):
        print("enter", self.name)
        return self.value if self.value is not None else self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False
with CM("a", 1) as x:
    print("x =", x)
with CM("pair", (1, 2)) as (p, q):
    print(p, q)
class Holder:
    pass
h = Holder()
with CM("attr", "val") as h.attr:
    pass
print(h.attr)
d = {}
with CM("item", 42) as d["k"]:
    pass
print(d)
with CM("one") as one, CM("two", 2) as two:
    print(type(one).__name__, two)
with (CM("p1", 1) as v1,
      CM("p2", 2) as v2):
    print(v1 + v2)
with CM("outer"):
    with CM("inner"):
        print("deep")
def gen():
    with CM("in generator"):
        yield 1
        yield 2
for v in gen():
    print("yielded", v)
try:
    with CM("err1"), CM("err2"):
        raise ValueError("x")
except ValueError:
    print("caught after both exits")
