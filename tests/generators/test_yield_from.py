# Covers yield from: delegation, return value propagation, send/throw passthrough, from iterables.
def inner():
    x = yield "inner-1"
    print("inner received", x)
    yield "inner-2"
    return "inner-result"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer-done"
g = outer()
print(next(g), g.send("hello"), next(g))
print(next(g, "finished"))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x for x in [9]))))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[[]]], 6])))
def thrower():
    try:
        yield 1
    except KeyError as e:
        print("inner handled", repr(e))
        yield "after-throw"
def delegator():
    yield from thrower()
    yield "delegator-end"
d = delegator()
print(next(d), d.throw(KeyError("k")), next(d))
def closing_inner():
    try:
        yield 1
    finally:
        print("inner finally on close")
def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally on close")
co = closing_outer()
next(co)
co.close()
def ret_only():
    return 5
    yield
def use_ret():
    v = yield from ret_only()
    yield v * 2
print(list(use_ret()))
def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from depth(n - 1)
    yield "level %d" % n
    return r + 1
def collect():
    total = yield from depth(4)
    yield "total %d" % total
print(list(collect()))
