# Covers subclasses of list/dict/set/tuple/frozenset: overridden methods, __missing__, __iter__, __new__, dir() of builtins, dunder methods called directly.
class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
    def append(self, x):
        super().append(x * 2)
m = MyList([1, 2]); m.append(5); print(m, m.extra, len(m), m[1:], type(m[1:]).__name__, isinstance(m, list))
print(MyList.__mro__, list.__dict__["append"], repr(list.append)[:30])
class LD(dict):
    def __setitem__(self, k, v):
        print("set", k, v); super().__setitem__(k, v)
    def __getitem__(self, k):
        return super().__getitem__(k) * 10
d = LD(a=1); d["b"] = 2; print(d, d["b"], d.get("b"), dict(d), {**d})
d.update(c=3); print(d)
class Counter(dict):
    def __missing__(self, k): return 0
c = Counter(); c["x"] += 1; c["x"] += 1; print(c, c["y"], c.get("y"))
class OD(dict):
    def __iter__(self): return iter(sorted(super().keys(), reverse=True))
o = OD(a=1, b=2); print(list(o), dict(o), list(o.keys()))
class S(set):
    def __init__(self, it=()):
        super().__init__(x * 2 for x in it)
s = S([1, 2]); print(s, s | {7}, type(s & {2}).__name__, S.__name__)
class T(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
t = T(1, 2); print(t, t.first, t + (3,), hash(t) == hash((1, 2)))
class F(frozenset): pass
print(F([1]) == frozenset([1]), hash(F([1])) == hash(frozenset([1])))
print(list.__doc__.splitlines()[0], dict.fromkeys.__doc__ is not None)
print(sorted(dir([]))[-11:])
print(sorted(x for x in dir({}) if not x.startswith("_")))
print(sorted(x for x in dir(set()) if not x.startswith("_")))
print(sorted(x for x in dir(range(1)) if not x.startswith("_")), sorted(x for x in dir(slice(1)) if not x.startswith("_")))
print([].__len__(), [1, 2].__getitem__(slice(0, 1)), {1: 2}.__getitem__(1), (1, 2).__add__((3,)), [1].__mul__(2))
print([1].__eq__([1]), [1].__lt__((1,)), {1}.__or__([2]), {1}.__sub__({1}), range(3).__contains__(1))
print(list.__new__(list), dict.__new__(dict), set.__new__(set))
x = [3]; list.__init__(x, [1, 2]); print(x)
d = {1: 2}; dict.__init__(d, {3: 4}); print(d)
print(type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__)
print(list.__hash__, dict.__hash__, set.__hash__, tuple.__hash__ is not None)
print(iter([]).__iter__().__class__.__name__, next(iter({1: 2}.items())))
print(len(list(iter(range(5)).__iter__())))
