# Covers __init_subclass__, __set_name__, __slots__, subclassing builtins (int, str, list, dict, tuple, Exception), super() and C3 MRO, type(name, bases, dict).
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        cls.tag = kw.get('tag')
class Sub(Base, tag=3): pass
print(Sub.tag)
class Desc:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name); self.name = name
    def __get__(self, obj, typ=None): return (self.name, obj is None)
    def __set__(self, obj, v): print("set", v)
class H:
    d = Desc()
h = H()
print(H.d, h.d); h.d = 5
class P:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
p = P(); print(p.a, P.a, P.__slots__)
try: p.b
except AttributeError as e: print(e)
try: p.c = 1
except AttributeError as e: print(e)
print(hasattr(p, '__dict__'))
class Q(P): pass
q = Q(); q.c = 3; print(q.c, q.__dict__)
class R(int):
    def double(self): return self * 2
r = R(21); print(r, r.double(), r + 1, type(r + 1), isinstance(r, int), R.__mro__)
r.attr = 1; print(r.attr)
class S(str):
    def shout(self): return self.upper() + "!"
s = S("hi"); print(s, s.shout(), len(s), s + "x", repr(s))
class L(list):
    def total(self): return sum(self)
l = L([1, 2, 3]); l.append(4); print(l, l.total(), len(l), type(l[1:]))
class Dd(dict):
    def __missing__(self, k): return k * 2
dd = Dd(a=1); print(dd['a'], dd['zz'], dd)
class T(tuple): pass
t = T((1, 2)); t.x = 5; print(t, t.x, len(t))
class Ex(Exception):
    def __init__(self, msg, code): super().__init__(msg); self.code = code
try: raise Ex("bad", 3)
except Ex as e: print(e, e.code, e.args, repr(e))
class Sup:
    def m(self): return "Sup.m"
    @classmethod
    def c(cls): return "Sup.c " + cls.__name__
class Sub2(Sup):
    def m(self): return "Sub2>" + super().m()
    @classmethod
    def c(cls): return "Sub2>" + super().c()
print(Sub2().m(), Sub2.c(), super(Sub2, Sub2()).m(), super(Sub2, Sub2))
class A1:
    def who(self): return ["A1"]
class B1(A1):
    def who(self): return ["B1"] + super().who()
class C1(A1):
    def who(self): return ["C1"] + super().who()
class D1(B1, C1):
    def who(self): return ["D1"] + super().who()
print(D1().who(), [k.__name__ for k in D1.__mro__], D1.mro() == list(D1.__mro__))
try:
    class Bad(A1, B1): pass
except TypeError as e: print(e)
print(type(None)(), type(...)(), type(NotImplemented)())
X = type('X', (object,), {'a': 1, 'f': lambda self: self.a + 1})
print(X().f(), X.__name__, X.__module__)
print(type(3), type(type), type(X))
