# Covers TypeError messages for bad calls: missing/extra positional, unexpected/duplicate keywords, methods.
def f(x):
    return x
def g(a, b=1):
    return a
def h():
    pass
class C:
    def m(self, x):
        return x
    def __init__(self, v):
        self.v = v
calls = [lambda: f(), lambda: f(1, 2), lambda: g(), lambda: g(1, 2, 3), lambda: h(1),
         lambda: f(y=1), lambda: f(1, x=2), lambda: C(1).m(), lambda: C(1).m(1, 2), lambda: C(),
         lambda: C(1, 2), lambda: g(1, c=3), lambda: (lambda: 0)(1), lambda: h(**{"a": 1}),
         lambda: f(*[1, 2, 3])]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    n = 5
    n()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "abc"
    s()
except TypeError as e:
    print(type(e).__name__, e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
