# Covers slot functions of classes: operators, comparisons, hashing, __getattr__/__getattribute__/__setattr__, metaclass __call__/__new__.
class A:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"A({self.v})"
    def __eq__(self, o): return isinstance(o, A) and self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __add__(self, o): return A(self.v + (o.v if isinstance(o, A) else o))
    def __radd__(self, o): return A(o + self.v)
    def __len__(self): return self.v
    def __getitem__(self, i):
        if i >= self.v: raise IndexError(i)
        return i * 10
    def __bool__(self): return self.v != 0
    def __neg__(self): return A(-self.v)
    def __call__(self, *a, **k): return (a, sorted(k.items()))
    def __contains__(self, x): return x == 42
print(A(1), A(1) == A(1), A(1) != A(2), A(1) < A(2), A(2) > A(1), sorted([A(3), A(1), A(2)]))
print(A(1) + A(2), A(1) + 5, 5 + A(1), len(A(3)), list(A(3)), bool(A(0)), -A(4), A(1)(1, 2, x=3))
print(42 in A(1), 3 in A(1))
try: hash(A(1))
except TypeError as e: print(e)
print(A.__hash__)
class B(A):
    def __hash__(self): return 7
print(hash(B(1)), B(1) == B(1))
class C:
    def __getattr__(self, n): return n.upper()
c = C(); c.x = 1
print(c.x, c.hello, getattr(c, 'zz'))
class D:
    def __getattribute__(self, n):
        if n == 'magic': return 42
        return object.__getattribute__(self, n)
d = D(); d.q = 5
print(d.magic, d.q)
try: d.nope
except AttributeError as e: print(e)
class E:
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 2)
    def __delattr__(self, n): print("del", n)
e = E(); e.a = 3; print(e.a); del e.a; print(e.a)
print(type(A.__dict__), A.__dict__['__init__'].__name__, sorted(k for k in A.__dict__ if not k.startswith('_')))
print(A.__name__, A.__qualname__, A.__module__, A.__bases__, A.__mro__, B.__base__)
class M(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['added'] = kw.get('tag', 0)
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a):
        print("M call", cls.__name__)
        return super().__call__(*a)
class F(metaclass=M, tag=5):
    def __init__(self, x): self.x = x
print(F.added, type(F), F(3).x, isinstance(F, M))
class G(F): pass
print(G.added, type(G))
