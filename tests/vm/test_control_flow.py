# Covers try/finally with break/continue/return, exception context, metaclass keywords, __class__ cell, comprehensions, unpacking, arithmetic edge cases.
import sys
def f1():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print("fin", i)
    return "done"
print(f1())
def f2():
    try:
        return "try"
    finally:
        print("finally runs")
print(f2())
def f3():
    try:
        raise ValueError
    except ValueError:
        return "except-return"
    finally:
        print("f3 finally")
print(f3())
def f4():
    while True:
        try:
            return 1
        finally:
            break
    return 2
print(f4())
def f5():
    try:
        try:
            raise KeyError("a")
        finally:
            print("inner finally", sys.exc_info()[0].__name__)
    except KeyError as e:
        print("outer", repr(e))
    print(sys.exc_info())
f5()
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['added'] = kw.get('flag')
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta, flag=42):
    def m(self): return __class__
print(WithMeta.added, WithMeta().m() is WithMeta)
class K:
    @classmethod
    def c(cls): return super().__repr__
print(type(K.c()).__name__)
def gen_exc():
    try:
        yield 1
    except Exception as e:
        yield repr(e)
g = gen_exc(); next(g); print(g.throw(ValueError("v")))
def nested_try():
    try:
        try:
            1/0
        except ZeroDivisionError:
            raise TypeError("t")
    except TypeError as e:
        return (type(e.__context__).__name__, e.__suppress_context__)
print(nested_try())
x = [1, 2, 3]
x[1:2] = [7, 8]
print(x, x[::-1], x[1:])
del x[0]
print(x)
d = {}
d['a'] = d.get('a', 0) + 1
print(d)
s = {1, 2}
s |= {3}
print(sorted(s))
print([a * b for a in range(3) for b in range(3) if a != b])
print({k: v for k, v in zip("abc", range(3))})
print({v for v in "hello"} == set("helo"))
t = (1, (2, 3), [4, 5])
(a, (b, c), [d1, e1]) = t
print(a, b, c, d1, e1)
print(*range(3), sep="-")
def kwo(*, a=1, **kw): return a, kw
print(kwo(**{'a': 2, 'b': 3}))
lam = lambda: (yield)
print(type(lam()).__name__)
print(sum(i for i in range(10) if i % 2))
i = 5
print([i for i in range(2)], i)
def outer():
    y = 1
    class Inner:
        z = y + 1
        def get(self): return y
    return Inner
print(outer().z, outer()().get())
try:
    assert 1 == 2, "msg"
except AssertionError as e:
    print("assert", e)
    fh.write("x")
print(global_after if 'global_after' in dir() else "no")
a = b = c = 0
a += 1; b -= 1; c ^= 5
print(a, b, c, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 1 << 70, -(2**62), (2**61) * 2)
print(10 / 4, 3.0 * 2, 1e308 * 10, -0.0, 5 // 0.5)
print(not None, None is None, 1 in [1], "a" not in "bcd")
