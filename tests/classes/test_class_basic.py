# Covers class definition, __init__, instance vs class attributes, methods, __dict__, __class__, type names.
class Point:
    dims = 2
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
q = Point(1, 1)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, Point.count, q.move(1, 2).norm2(), q.x, q.y)
print(p.__dict__, q.__dict__, type(p).__name__, p.__class__.__name__, p.__class__ is Point, type(p) is Point)
p.dims = 3
print(p.dims, Point.dims, q.dims, p.__dict__)
Point.dims = 10
print(p.dims, q.dims)
del p.dims
print(p.dims)
p.extra = "dyn"
print(p.extra, sorted(p.__dict__))
print(Point.norm2(p), isinstance(p, Point), isinstance(p, object), isinstance(3, Point))
m = p.norm2
print(m(), type(m).__name__)
class Empty:
    pass
e = Empty()
e.a = 1
print(e.a, vars(e), Empty.__name__, [n for n in dir(e) if not n.startswith("__")])
try:
    e.missing
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    Empty.missing
except AttributeError as ex:
    print(type(ex).__name__, ex)
class Counter:
    instances = []
    def __init__(self):
        self.items = []
        Counter.instances.append(self)
a, b = Counter(), Counter()
a.items.append(1)
print(a.items, b.items, len(Counter.instances))
class Shared:
    items = []
s1, s2 = Shared(), Shared()
s1.items.append("shared!")
print(s2.items, Shared.items)
print(repr(Point).startswith("<class '"), repr(Point), str(Empty))
