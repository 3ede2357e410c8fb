# Covers descriptor objects of builtins (slot wrappers, method descriptors, docs and signatures), property/staticmethod/classmethod details, __class__ assignment, format(), class attribute deletion, unions, module objects.
class A:
    x = 1
    def f(self): return 1
    @staticmethod
    def s(): return 2
    @classmethod
    def c(cls): return cls
    @property
    def p(self): return 3
print(A.s(), A().s(), A.c() is A, A().c() is A, A().p, A.p.__class__.__name__)
print(int.__add__, (1).__add__(2), int.__add__(3, 4), list.append, [].append.__name__, int.__dict__['__add__'].__qualname__)
print(int.__add__.__doc__, int.__add__.__text_signature__, list.append.__doc__, list.append.__text_signature__)
print(type.__dict__['__name__'], type.__dict__['__dict__'].__class__.__name__)
a = A()
print(a.__class__, a.__dict__, vars(a))
a.y = 2
print(a.__dict__, sorted(n for n in dir(a) if not n.startswith('__')))
a.__dict__ = {'z': 9}
print(a.z, vars(a))
class B: pass
b = B()
b.__class__ = A
print(type(b), b.f())
try: b.__class__ = int
except TypeError as e: print(e)
try: object().__class__ = A
except TypeError as e: print(e)
try: format(a, 'x')
except TypeError as e: print(e)
class Fm:
    def __format__(self, spec): return "F" + spec
print(format(Fm(), 'abc'), f"{Fm():zz}")
print(repr(A.x), A.__doc__, A.__module__)
A.x = 5; print(a.x, A().x)
del A.x
try: A.x
except AttributeError as e: print(e)
try: int.x = 5
except TypeError as e: print(e)
try: setattr(list, 'append', 5)
except TypeError as e: print(e)
print(isinstance(True, int), issubclass(bool, (str, int)), isinstance(3, (str, (int,))))
print(issubclass(A, object), issubclass(type, object), isinstance(type, type), isinstance(object, type))
print(int | str, int | None, (int | str).__args__, isinstance(3, int | str), isinstance("a", int | None))
print(type(int | str))
print(hash(a) == hash(a), a == a, a != a, A() == A())
try: A() < A()
except TypeError as e: print(e)
print(NotImplemented, ..., None.__class__, bool(None))
class NoInit: pass
try: NoInit(1)
except TypeError as e: print(e)
class OnlyInit:
    def __init__(self): pass
try: OnlyInit(1)
except TypeError as e: print(e)
class WithNew:
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.args = a
        return o
print(WithNew(1, 2).args)
class Other:
    def __new__(cls): return 42
print(Other())
ModuleType = type(__builtins__) if not isinstance(__builtins__, dict) else type(__import__("sys"))
class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x doc"
        return self._x
    @x.setter
    def x(self, v): self._x = v
print(P.x.__doc__, P.x.fget.__name__, P.x.fset.__name__, P.x.fdel)
p = P(); p.x = 5; print(p.x)
try: del p.x
except AttributeError as e: print(e)
class Q:
    y = property(lambda self: 1)
try: Q().y = 2
except AttributeError as e: print(e)
class SubProp(property):
    pass
class R:
    @SubProp
    def z(self):
        "zdoc"
        return 9
print(R().z, type(R.z).__name__, R.z.__doc__)
def f(x): "fdoc"; return x
sm = staticmethod(f); cm = classmethod(f)
print(sm.__isabstractmethod__, isinstance(sm, staticmethod))
class CP:
    @classmethod
    @property
    def cprop(cls): return cls.__name__ + "!"
print(CP.cprop)
try: staticmethod()
except TypeError as e: print(e)
try: property(1, 2, 3, 4, 5)
except TypeError as e: print(e)
try: property(x=1)
except TypeError as e: print(e)
class Weird:
    @property
    def bad(self): raise AttributeError("inner")
    def __getattr__(self, n): return "fallback " + n
print(Weird().bad)
print(property().__doc__, property(doc="d").__doc__)
class V:
    __slots__ = ('a',)
print(V.a, type(V.a).__name__, V.a.__name__, V.a.__objclass__)
m = ModuleType('mymod', 'docs')
print(m, m.__doc__, m.__name__, m.__dict__)
m.__getattr__ = lambda n: 'dyn_' + n
print(m.foo)
try: ModuleType('x').nope
except AttributeError as e: print(e)
print(dir(m))
try: ModuleType()
except TypeError as e: print(e)
