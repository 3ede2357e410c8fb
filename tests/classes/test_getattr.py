# Covers __getattr__ fallback, getattr/setattr/hasattr/delattr builtins, and AttributeError messages.
class Dyn:
    existing = "class attr"
    def __init__(self):
        self.real = "instance attr"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError("no attribute %r here" % name)
d = Dyn()
print(d.real, d.existing, d.dyn_hello, getattr(d, "dyn_x"), hasattr(d, "dyn_y"), hasattr(d, "other"))
try:
    d.other
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(d, "other", "default"), getattr(d, "real", "default"))
setattr(d, "new", 5)
print(d.new, d.__dict__)
delattr(d, "new")
print(hasattr(d, "new"), d.__dict__)
try:
    delattr(d, "new")
except AttributeError as e:
    print(type(e).__name__, e)
class P:
    pass
p = P()
try:
    getattr(p, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(p, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    del p.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".nope = 1
except AttributeError as e:
    print(type(e).__name__)
try:
    [].append.nope
except AttributeError as e:
    print(type(e).__name__)
for name in ("a", "b", "c"):
    setattr(p, name, name * 2)
print(sorted(vars(p).items()), [getattr(p, n) for n in "abc"])
print(getattr(len, "__name__"), getattr(str, "upper")("x"), hasattr([], "append"), hasattr(5, "real"))
class Chain:
    def __init__(self, path=""):
        self.path = path
    def __getattr__(self, name):
        return Chain(self.path + "/" + name)
print(Chain().usr.local.bin.path)
