# Compiler code generation: calls with */**, unpacking, augmented assignment targets, f-strings, classes.
def f(a, b, /, c, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f(*[1, 2], *(3,), d=1, **{"e": 2, "y": 3}))
t = (1, 2)
dd = {"d": 9}
print(f(*t, 3, **dd, e=1))
print([*range(3), *"ab", 9], sorted({*range(2), 5}), {**{"a": 1}, "b": 2, **{"a": 3}})
a, (b, c), *rest = 1, (2, 3), 4, 5
print(a, b, c, rest)
first, *mid, last = "hello"
print(first, mid, last)
x = [1, 2, 3, 4, 5]
x[1:3] = ["a"]
x[-1] += 10
del x[0]
print(x)
d = {}
d["k"] = d.get("k", 0) + 1
d["k"] *= 3
print(d)
class O:
    pass
o = O()
o.v = 1
o.v += 2
o.v <<= 1
print(o.v)
s = [1, 2, 3, 4]
s[1:3] += [9]
print(s)
n = 10
w = 6
print(f"{n!r:>{w}}|{n:#x}|{'q':^5}|{n * 2}|{{}}")
print(-1, -1.5, 0xff, 0o17, 0b101, 1_000, 2 ** 62, -(2 ** 70), 7 // -2, -7 % 3)
class P:
    def hello(self):
        return "P"
class Q(P):
    "Q doc"
    def hello(self):
        return "Q+" + super().hello()
    def cls(self):
        return __class__.__name__
class R(Q):
    def hello(self):
        return "R+" + super(R, self).hello()
print(R().hello(), Q().cls(), Q.__doc__, Q.hello.__qualname__)
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return (tag, fn(*a, **k))
        return inner
    return wrap
@deco("t1")
@deco("t2")
def decorated(v):
    return v + 1
print(decorated(1))
class Priv:
    __p = 5
    def get(self):
        return self.__p
print(Priv().get(), Priv._Priv__p)
def doc():
    "the doc"
    return 1
def nodoc():
    return 1
print(doc.__doc__, nodoc.__doc__, (lambda: 0).__doc__)
def gen():
    x = yield 1
    y = yield from inner(x)
    yield y
def inner(v):
    yield v
    return "r"
g = gen()
print(next(g), g.send("sent"), next(g))
def kwonly(*, k=3):
    return k
print(kwonly(), kwonly(k=4))
def outer():
    return [lambda: 0][0].__qualname__, (lambda: 0).__qualname__
print(outer())
