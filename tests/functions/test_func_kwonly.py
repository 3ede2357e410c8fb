# Covers keyword-only (after * / *args) and positional-only (/) parameters and their error messages.
def kw(a, *, b, c=3):
    return a, b, c
print(kw(1, b=2), kw(a=1, b=2, c=0))
try:
    kw(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    kw(1)
except TypeError as e:
    print(type(e).__name__, e)
def po(a, b, /, c, *, d):
    return a, b, c, d
print(po(1, 2, 3, d=4), po(1, 2, c=3, d=4))
try:
    po(a=1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)
def po2(x, /, **kw):
    return x, kw
print(po2(1, x=2))
def allkinds(p, /, n, *args, k, **kwargs):
    return p, n, args, k, kwargs
print(allkinds(1, 2, 3, 4, k=5, z=6), allkinds(1, n=2, k=3))
def two_missing(a, b, *, c, d):
    pass
try:
    two_missing()
except TypeError as e:
    print(type(e).__name__, e)
try:
    two_missing(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
def three_missing(a, b, c):
    pass
try:
    three_missing()
except TypeError as e:
    print(type(e).__name__, e)
def defaults_po(a, b=2, /, c=3):
    return a, b, c
print(defaults_po(1), defaults_po(1, 5), defaults_po(1, c=0))
