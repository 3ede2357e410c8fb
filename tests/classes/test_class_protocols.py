# Covers __prepare__, __class_getitem__, __mro_entries__, type() argument errors, __class__ cell, metaclass checks, __index__/__int__/__float__ conversions and slot error messages.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {'pre': 1}
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class K(metaclass=Meta, flag=True):
    pass
print(K.pre)
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int])
class Ent:
    def __mro_entries__(self, bases): return (G,)
class UsesEnt(Ent()): pass
print(UsesEnt.__bases__, type(UsesEnt.__orig_bases__[0]).__name__)
for args in [(), (1, 2), ('a', 1, {}), ('a', (), 1)]:
    try: type(*args)
    except TypeError as e: print(e)
class WithClassCell:
    def f(self): return __class__
print(WithClassCell().f() is WithClassCell)
class D:
    def __set_name__(self, o, n): raise ValueError("x")
try:
    class Z:
        d = D()
except RuntimeError as e: print(e, repr(e.__cause__))
print([c.__name__ for c in object.__subclasses__() if c.__name__ in ('int', 'type', 'K')])
class Base: pass
class S1(Base): pass
class S2(Base): pass
print(Base.__subclasses__())
def deco(cls):
    cls.decorated = True
    return cls
@deco
class Dec: pass
print(Dec.decorated)
class Counter:
    count = 0
    def __init__(self): Counter.count += 1
for _ in range(5): Counter()
print(Counter.count)
class Chk(type):
    def __instancecheck__(cls, inst): return inst == 42
    def __subclasscheck__(cls, sub): return sub is int
class Any(metaclass=Chk): pass
print(isinstance(42, Any), isinstance(3, Any), issubclass(int, Any), issubclass(str, Any))
class Num:
    def __index__(self): return 3
print([1, 2, 3, 4, 5][Num()], "ab" * Num(), [0] * Num(), bin(Num()), range(10)[Num()])
class Flt:
    def __float__(self): return 2.5
class Ig:
    def __int__(self): return 7
print(float(Flt()), int(Ig()), int("12"), int(3.9), float("1.5"), int(b"42"))
try: int(None)
except TypeError as e: print(e)
try: float([])
except TypeError as e: print(e)
class BadLen:
    def __len__(self): return -1
try: len(BadLen())
except ValueError as e: print(e)
class StrLen:
    def __len__(self): return "3"
try: len(StrLen())
except TypeError as e: print(e)
class BadBool:
    def __bool__(self): return 1
try: bool(BadBool())
except TypeError as e: print(e)
class BadRepr:
    def __repr__(self): return 5
try: repr(BadRepr())
except TypeError as e: print(e)
class BadInit:
    def __init__(self): return 5
try: BadInit()
except TypeError as e: print(e)
class BadIter:
    def __iter__(self): return 5
try: iter(BadIter())
except TypeError as e: print(e)
class NoIter:
    __iter__ = None
try: iter(NoIter())
except TypeError as e: print(e)
class Unhash:
    __hash__ = None
try: hash(Unhash())
except TypeError as e: print(e)
class RetHash:
    def __hash__(self): return 2**100
print(hash(RetHash()) == hash(2**100))
class SeqOnly:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
print(list(SeqOnly()), 2 in SeqOnly(), 5 in SeqOnly())
