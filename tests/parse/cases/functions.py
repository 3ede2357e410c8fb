def f(): pass
def f(a): pass
def f(a, b=1): pass
def f(*args): pass
def f(**kw): pass
def f(a, *args, b, c=1, **kw): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a=1, /, b=2, *, c): pass
def f(*, a): pass
def f(a: int, b: str = 'x') -> bool: pass
def f(*args: int, **kw: str) -> None: pass
def f(a, b, /, c, d, *, e, f): pass
def f(a,): pass
def f(*a: *Ts): pass
