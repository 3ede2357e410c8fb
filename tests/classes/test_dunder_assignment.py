# Covers assigning and deleting dunders on classes after creation (slot updates for subclasses), instance attributes on builtin subclasses, __slots__ with __dict__/__weakref__.
class A:
    def __add__(self, o): return "add"
class B(A): pass
print(B() + 1)
del A.__add__
try: B() + 1
except TypeError as e: print(e)
A.__add__ = lambda s, o: "new add"
print(B() + 1)
B.__add__ = lambda s, o: "B add"
print(B() + 1, A() + 1)
A.__len__ = lambda s: 3
print(len(B()), bool(B()))
A.__repr__ = lambda s: "A-repr"
print(repr(B()), str(B()), f"{B()}")
A.__eq__ = lambda s, o: True
print(B() == 5)
try: hash(A())
except TypeError as e: print("hash err", e)
A.__hash__ = lambda s: 5
print(hash(B()))
A.__getattr__ = lambda s, n: "ga:" + n
print(B().zzz)
del A.__getattr__
try: B().zzz
except AttributeError as e: print(e)
A.__call__ = lambda s, *a: ("called", a)
print(B()(1, 2))
A.__iter__ = lambda s: iter([7, 8])
print(list(B()))
A.__getitem__ = lambda s, k: k * 2
print(B()[21])
A.__bool__ = lambda s: False
print(bool(B()))
class S(str): pass
s = S("abc"); s.x = 1; print(s, s.x, s.upper(), type(s.upper()), s == "abc", hash(s) == hash("abc"), {s: 1}["abc"])
class T(tuple):
    def sum(self): return sum(self)
t = T([1, 2, 3]); t.y = 2; print(t, t.sum(), t.y, t[1:], type(t[1:]), t + (4,))
class I(int): pass
i = I(5); i.z = 3; print(i, i.z, i + 1, type(i + 1), I(7) == 7, hash(I(7)) == hash(7))
class F(float): pass
print(F(1.5), F(1.5) * 2, F("2.5"))
class E(ValueError):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
e = E("m", 2); print(e, e.args, e.extra, e.__dict__)
class W:
    __slots__ = ('__weakref__', 'a')
print(W.__dict__.keys() if False else sorted(k for k in W.__dict__))
class DS:
    __slots__ = ('__dict__', 'q')
ds = DS(); ds.q = 1; ds.other = 2; print(ds.q, ds.__dict__)
class Empty(object): pass
print(Empty.__dict__.keys() if False else sorted(Empty.__dict__), Empty.__weakref__)
class Cnt:
    instances = 0
    def __new__(cls, *a, **k):
        cls.instances += 1
        return super().__new__(cls)
    def __init__(self, v): self.v = v
print(Cnt(1).v, Cnt(2).v, Cnt.instances)
class Parent:
    def __init__(self, a): self.a = a
class Child(Parent):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
c = Child(1, 2); print(c.a, c.b, vars(c))
