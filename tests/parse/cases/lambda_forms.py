a = lambda: 0
b = lambda x: x
c = lambda x, y=1: x
d = lambda *a, **k: 0
e = lambda x, /, y, *, z: 0
f = lambda *, a=1, b: 0
g = lambda a, b=2, /, c=3: 0
h = lambda: (yield)
i = lambda x=lambda: 1: x
