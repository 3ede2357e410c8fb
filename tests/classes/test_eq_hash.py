# Covers __eq__/__hash__ interplay: defining __eq__ disables hashing, explicit __hash__, hash in dict/set.
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and o.v == self.v
print(EqOnly.__hash__ is None)
try:
    hash(EqOnly(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly(1)}
except TypeError as e:
    print(type(e).__name__)
class Hashable:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, Hashable) and o.v == self.v
    def __hash__(self):
        return hash(("H", self.v))
    def __repr__(self):
        return "H(%r)" % self.v
s = {Hashable(1), Hashable(1), Hashable(2)}
print(len(s), Hashable(2) in s, Hashable(3) in s)
d = {Hashable("a"): 1}
d[Hashable("a")] += 1
print(d)
class Default:
    pass
x = Default()
print(hash(x) == hash(x), x == x, {x: 1}[x])
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return "C%d" % self.v
cd = {Collide(i): i for i in range(5)}
print(cd, cd[Collide(3)], len(cd))
class Unhash:
    __hash__ = None
try:
    hash(Unhash())
except TypeError as e:
    print(type(e).__name__, e)
class InheritsEq(EqOnly):
    def __hash__(self):
        return self.v
print(hash(InheritsEq(5)), {InheritsEq(5): "ok"}[InheritsEq(5)])
