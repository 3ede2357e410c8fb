# Covers rich comparisons: __eq__/__ne__/__lt__/__le__/__gt__/__ge__, reflection, NotImplemented, sorting.
class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __repr__(self):
        return "Ver" + repr(self.parts)
    def __eq__(self, o):
        print("eq", self, o)
        if not isinstance(o, Ver):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
vs = [Ver(1, 2), Ver(1, 0), Ver(0, 9), Ver(1, 2, 1)]
print(sorted(vs), min(vs), max(vs))
print(Ver(1) == Ver(1), Ver(1) != Ver(2), Ver(1) == 1, Ver(1) != "x")
print(Ver(1) < Ver(2), Ver(2) > Ver(1), Ver(1) <= Ver(1), Ver(3) >= Ver(2))
try:
    Ver(1) < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, OnlyEq) and self.v == o.v
print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq(1) in [OnlyEq(0), OnlyEq(1)])
try:
    OnlyEq(1) < OnlyEq(2)
except TypeError as e:
    print(type(e).__name__, e)
class Always:
    def __eq__(self, o):
        return True
print(Always() == 1, 1 == Always(), [1, 2].count(Always()), Always() in [None], [Always()] == [5])
class Plain:
    pass
p = Plain()
print(p == p, p != p, p == Plain(), p is p)
class Weird:
    def __lt__(self, o):
        return "truthy string"
    def __gt__(self, o):
        return 0
print(Weird() < 1, Weird() > 1, 1 > Weird(), 1 < Weird())
class Num:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        print("Num.__gt__")
        return self.v > o
print(5 < Num(10), Num(1) > 0)
