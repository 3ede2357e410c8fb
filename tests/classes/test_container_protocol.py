# Covers __len__/__getitem__/__setitem__/__delitem__/__contains__ and slicing/iteration via __getitem__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        print("getitem", key)
        if isinstance(key, tuple):
            r, c = key
            if not (0 <= r < self.h and 0 <= c < self.w):
                raise IndexError("cell out of range")
            return self.cells.get(key, ".")
        raise TypeError("bad key " + type(key).__name__)
    def __setitem__(self, key, value):
        print("setitem", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("delitem", key)
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()
g = Grid(3, 2)
g[0, 1] = "x"
g[1, 2] = "y"
print(len(g), g[0, 1], g[1, 1], "x" in g, "z" in g, "x" not in g)
del g[0, 1]
print(g.cells)
try:
    g[5, 5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    g["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    del g[9, 9]
except KeyError as e:
    print(type(e).__name__, e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq(), [x for x in Seq()])
a, b, *c = Seq()
print(a, b, c)
class Sliceable:
    def __init__(self, data):
        self.data = list(data)
    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return Sliceable(self.data[idx])
        return self.data[idx]
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return "Sliceable(%r)" % (self.data,)
s = Sliceable("abcdef")
print(s[1:4], s[::-2], s[0], s[-1], len(s), bool(Sliceable("")), bool(s))
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
try:
    NoLen()[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    NoLen()[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del NoLen()[0]
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
