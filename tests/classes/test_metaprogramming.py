# Covers metaclass-based enums, registration via __init_subclass__, decorator-built classes, non-data/data descriptors with __set_name__, singleton metaclass, @ operator.
class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith('_')}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = members
        return cls
    def __iter__(cls): return iter(cls._members.items())
    def __len__(cls): return len(cls._members)
    def __getattr__(cls, n): return "missing:" + n
    def __getitem__(cls, k): return cls._members[k]
    def __contains__(cls, k): return k in cls._members
class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
print(list(Color), len(Color), Color.BLUE, Color['RED'], 'GREEN' in Color, Color.RED)
registry = []
class Plugin:
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        registry.append(name or cls.__name__)
class P1(Plugin): pass
class P2(Plugin, name="second"): pass
print(registry)
def make_init(fields):
    def __init__(self, *args):
        for f, a in zip(fields, args): setattr(self, f, a)
    return __init__
def dataclass(cls):
    fields = list(cls.__annotations__)
    cls.__init__ = make_init(fields)
    cls.__repr__ = lambda self: f"{cls.__name__}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
    cls.__eq__ = lambda a, b: all(getattr(a, f) == getattr(b, f) for f in fields)
    return cls
@dataclass
class Pt:
    x: int
    y: int = 0
print(Pt(1, 2), Pt(1, 2) == Pt(1, 2), Pt.__annotations__)
class Lazy:
    def __init__(self, f): self.f = f
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.f(obj); setattr(obj, self.f.__name__, v); return v
class UsesLazy:
    @Lazy
    def val(self): print("computing"); return 42
u = UsesLazy(); print(u.val, u.val, type(UsesLazy.val).__name__)
class Typed:
    def __init__(self, t): self.t = t
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, cls): return getattr(obj, self.name) if obj else self
    def __set__(self, obj, v):
        if not isinstance(v, self.t): raise TypeError(f"{self.name[1:]} must be {self.t.__name__}")
        setattr(obj, self.name, v)
class Person:
    age = Typed(int)
    def __init__(self, a): self.age = a
p = Person(3); print(p.age)
try: Person("x")
except TypeError as e: print(e)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst: cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class One(metaclass=Singleton): pass
print(One() is One())
class Vec:
    __slots__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
    def __iter__(self): yield self.x; yield self.y
    def __repr__(self): return 'Vec(%r, %r)' % tuple(self)
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
print(Vec(1, 2) @ Vec(3, 4), 3 * Vec(1, 2), Vec(1, 2) * 2)
import sys
print(sys.modules['__main__'].__name__, type(sys.modules['__main__']))
