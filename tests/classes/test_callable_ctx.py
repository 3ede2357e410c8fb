# Covers __call__, callable(), and context managers via __enter__/__exit__ (incl. suppression, multiple).
class Mul:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest, scale=1):
        return x * self.k * scale + sum(rest)
m = Mul(3)
print(m(2), m(2, 1, 1), m(1, scale=10), callable(m), callable(Mul), callable(5), callable(print), callable(None))
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress
with Ctx("a") as v:
    print("inside", v)
with Ctx("b", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Ctx("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with Ctx("x") as x, Ctx("y") as y:
    print("both", x, y)
try:
    with Ctx("outer"), Ctx("inner", suppress=False):
        1 / 0
except ZeroDivisionError:
    print("zde escaped both")
with Ctx("o", suppress=True), Ctx("i"):
    raise RuntimeError("inner exits first, outer suppresses")
print("continued")
def early():
    with Ctx("ret"):
        return "returned"
print(early())
for i in range(3):
    with Ctx("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
