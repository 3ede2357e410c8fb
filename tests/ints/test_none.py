# Covers None: identity, repr, truthiness, comparisons, functions returning None, attribute errors.
print(None, repr(None), str(None), type(None).__name__, None is None, None == None, None != 0)
def f():
    pass
def g():
    return
print(f(), g(), f() is None, bool(None))
x = None
print(x is None, x is not None, [None] * 3, {None: 1}[None])
try:
    x.foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    x()
except TypeError as e:
    print(type(e).__name__, e)
try:
    x[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in None:
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(hash(None) == hash(None), [1, None].index(None), None in [0, None])
