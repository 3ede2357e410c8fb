# Covers argument binding: positional-only, keyword-only, defaults, *args/**kwargs, and CPython's exact TypeError messages.
def f(a, b, /, c, *, d, e=5, **kw): return (a, b, c, d, e, kw)
for call in [lambda: f(1, 2, 3, d=4), lambda: f(1, 2), lambda: f(1, 2, 3), lambda: f(1, b=2, c=3, d=4),
             lambda: f(1, 2, 3, 4, d=1), lambda: f(1, 2, c=3, d=4, z=9), lambda: f(1,2,3,c=3,d=4)]:
    try: print(call())
    except TypeError as e: print("TypeError:", e)
def g(x): return x
for call in [lambda: g(), lambda: g(1, 2), lambda: g(y=1), lambda: g(1, x=2)]:
    try: print(call())
    except TypeError as e: print("TypeError:", e)
def h(a, b=1, *args, c, d=2): pass
for call in [lambda: h(), lambda: h(1), lambda: h(1, 2, 3, 4)]:
    try: print(call())
    except TypeError as e: print("TypeError:", e)
def k(a, b, c): pass
try: k(1)
except TypeError as e: print(e)
try: k()
except TypeError as e: print(e)
def m(*, a, b, c): pass
try: m()
except TypeError as e: print(e)
def n(a, b=2): pass
try: n(1, 2, 3)
except TypeError as e: print(e)
try: n(1, 2, 3, b=5)
except TypeError as e: print(e)
def o(a, *, b=1): pass
try: o(1, 2, b=3)
except TypeError as e: print(e)
class C:
    def meth(self, x): pass
try: C().meth()
except TypeError as e: print(e)
try: C().meth(1, 2)
except TypeError as e: print(e)
try: len()
except TypeError as e: print(e)
try: len(1, 2)
except TypeError as e: print(e)
try: [].append()
except TypeError as e: print(e)
try: len(x=1)
except TypeError as e: print(e)
def p(a, b): pass
try: p(1, **{'a': 2})
except TypeError as e: print(e)
try: p(*1)
except TypeError as e: print(e)
try: p(**1)
except TypeError as e: print(e)
try: p(1, **{'b': 2}, **{'b': 3})
except TypeError as e: print(e)
def q(**kw): return kw
print(q(**{'a': 1}, b=2))
print((lambda *a, **k: (a, k))(1, 2, *[3, 4], x=1, **{'y': 2}))
