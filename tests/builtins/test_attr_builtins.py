# Covers getattr/setattr/hasattr/delattr, vars, dir (filtered), callable, id equality, object().
class C:
    cls = "class-level"
    def __init__(self):
        self.a = 1
    def method(self):
        return "m"
c = C()
print(getattr(c, "a"), getattr(c, "cls"), getattr(c, "zz", "dflt"), getattr(c, "method")(), hasattr(c, "a"), hasattr(c, "zz"))
setattr(c, "b", [2])
setattr(C, "added", "to class")
print(c.b, c.added, vars(c), [n for n in dir(c) if not n.startswith("__")])
delattr(c, "b")
print(vars(c), hasattr(c, "b"))
print(sorted(n for n in vars(C) if not n.startswith("__")))
print(callable(c), callable(C), callable(c.method), callable(len), callable(lambda: 0), callable("s"), callable(None))
a = [1]
b = a
print(id(a) == id(a), id(a) == id(b), a is b)
o = object()
print(type(o).__name__, o == o, o != object(), hasattr(o, "__class__"), isinstance(o, object))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__)
print([n for n in dir(C) if not n.startswith("_")], "append" in dir([]), "upper" in dir(""))
