# Covers *args and **kwargs: collection, ordering, forwarding, unpacking in calls, mixing with defaults.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3), f(*[1, 2], **{"x": 3}), f(*"ab", *(1,), **{"k": 1}, z=0))
def g(a, b=0, *rest, key="k", **opts):
    return a, b, rest, key, opts
print(g(1), g(1, 2, 3, 4), g(1, key="z", extra=5), g(*range(5), **{"key": 1, "q": 2}))
def forward(*a, **k):
    return f(*a, **k)
print(forward(9, 8, y=7))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(*range(100)), type(f()[0]).__name__, type(f()[1]).__name__)
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3), kw_order(**{"b": 1}, a=0))
try:
    f(**{"a": 1}, a=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
def mod_args(*args):
    args = list(args)
    args.append("x")
    return args
print(mod_args(1, 2))
