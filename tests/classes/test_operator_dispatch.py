# Covers mappingproxy of class dicts, NotImplemented fallbacks, reflected operators of subclasses, in-place operators, __hash__ inheritance, super() errors, unary/pow/divmod/round dunders.
class A:
    x = 1
    def __dir__(self): return ['b', 'a']
print(dir(A()), 'x' in A.__dict__, A.__dict__['x'], list(A.__dict__.keys())[:2], A.__dict__.get('zz', 'dflt'), len(A.__dict__) > 3)
print(repr(type(A.__dict__)), str(A.__dict__)[:13])
try: A.__dict__['x'] = 2
except TypeError as e: print(e)
class N:
    def __eq__(self, o): return NotImplemented
n = N(); print(n == n, n == N(), n != N())
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Der(Base):
    def __radd__(self, o): return "Der.radd"
print(Base() + Der(), Der() + Base(), 1 + Der())
class Acc:
    def __init__(self): self.v = []
    def __iadd__(self, o): self.v.append(o); return self
a = Acc(); a += 1; a += 2; print(a.v)
class NoI:
    def __init__(self, v): self.v = v
    def __add__(self, o): return NoI(self.v + o)
b = NoI(1); c = b; b += 5; print(b.v, c.v, b is c)
class Pw:
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o, m=None): return ("rpow", o, m)
print(Pw() ** 2, 2 ** Pw(), pow(Pw(), 3, 5))
class Dm:
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)
print(divmod(Dm(), 1), divmod(1, Dm()))
try: divmod("a", 1)
except TypeError as e: print(e)
class Lt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(Lt(1) > Lt(0), Lt(0) > Lt(1), max(Lt(3), Lt(5)).v)
class Eq:
    def __eq__(self, o): return True
print(Eq() != Eq(), Eq() != 1)
class H1:
    def __eq__(self, o): return True
    def __hash__(self): return 11
class H2(H1): pass
class H3(H1):
    def __eq__(self, o): return False
print(hash(H2()), H3.__hash__)
try: hash(H3())
except TypeError as e: print(e)
class IS:
    def __init_subclass__(cls): print("sub", cls.__name__); super().__init_subclass__()
class IS2(IS): pass
try:
    class IS3(IS, k=1): pass
except TypeError as e: print(e)
def nosuper(): return super()
try: nosuper()
except RuntimeError as e: print(e)
class SC:
    @classmethod
    def make(cls): return super().__new__(cls)
print(type(SC.make()).__name__)
class Bool1:
    def __len__(self): return 0
print(bool(Bool1()), not Bool1())
class NoneContains:
    __contains__ = None
    def __iter__(self): return iter([1])
try: 1 in NoneContains()
except TypeError as e: print(e)
class Neg:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
print(-Neg(), +Neg(), ~Neg(), abs(Neg()))
class Rnd:
    def __round__(self, n=None): return ("round", n)
print(round(Rnd()), round(Rnd(), 2))
class Ix:
    def __index__(self): return 5
print(hex(Ix()), [0,1,2,3,4,5,6][Ix()], "abcdefg"[Ix():], (1).__add__(Ix()))
print(int.__add__(1, Ix()) if False else 0)
class MetaRepr(type):
    def __repr__(cls): return "<meta " + cls.__name__ + ">"
class WithMR(metaclass=MetaRepr): pass
print(WithMR, [WithMR], type(WithMR).__name__)
class Call:
    def __call__(self, a, b=2, *, c=3): return a + b + c
print(Call()(1), Call()(1, c=10), Call().__call__(1, 1))
print(callable(Call()), callable(Call))
