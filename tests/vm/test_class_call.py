# Covers calling classes: __init__ arguments, __init__ returning non-None or a generator, errors inside __init__, recursion through __init__.
class A:
    def __init__(self, x, y=2, *a, k=1, **kw):
        self.v = (x, y, a, k, kw)
print(A(1).v, A(1, 3, 4, k=5, z=6).v)
class B:
    def __init__(self): return 5
try: B()
except TypeError as e: print(e)
class G:
    def __init__(self): yield 1
try: G()
except TypeError as e: print(e)
class E:
    def __init__(self): raise ValueError("in init")
try: E()
except ValueError as e: print(e)
class N:
    def __init__(self, a): pass
try: N()
except TypeError as e: print(e)
class S(A): pass
print(S(7).v)
class Abs:
    pass
print(type(Abs()).__name__)
def rec(n):
    class R:
        def __init__(self, n):
            self.c = R(n - 1) if n else None
    return R(n)
r = rec(50); print(r.c.c is not None)
