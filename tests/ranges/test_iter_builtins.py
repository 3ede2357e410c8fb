# Covers tuple/range details, enumerate/zip(strict)/map/filter/reversed, the sequence and callable iterators, slice.indices, and iterator type names.
t = (1, 2, 3)
print(t[::-1], t[1:], t[:-1], t[5:], t[-100:100], t * 0, () * 3, (1,) * 3, 2 * (0,))
print(hash((1, 2)), hash(()), hash(("a", 1.5, None.__class__)) != 0, hash((1, (2, 3))))
print((1, 2) + (3,), tuple([1, [2]]), tuple(range(3)), tuple("ab"), tuple({1: 2}))
class T(tuple): pass
x = T([1, 2]); print(x, type(x).__name__, x + (3,), type(x + (3,)).__name__, x[0], len(x), x == (1, 2))
print((1, 2, 3).index(2), (1, 2, 3).count(1), (1, (2, 3)) < (1, (2, 4)), (1, 2) == (1, 2.0))
try: (1, 2).index(5)
except ValueError as e: print(e)
try: (1,)[5]
except IndexError as e: print(e)
idx = "a"
try: (1,)[idx]
except TypeError as e: print(e)
try: (1,) + [2]
except TypeError as e: print(e)
print(repr(()), repr((1,)), repr((1, "a")), str(((),)))
a = (); b = tuple(); print(a is b, tuple(()) is a)
r = range(10)
print(r[::2], r[1:3], r[::-1], r[-1], r[-10], len(r[::3]), range(0, 10, 3)[::-1])
print(list(range(5, -5, -3)), list(reversed(range(5, -5, -3))), list(reversed(range(0))))
print(range(3).index(2), range(0, 10, 2).count(4), range(0, 10, 2).count(3), 4 in range(0, 10, 2), 3 in range(0, 10, 2))
print(True in range(2), 1.0 in range(2), range(2).index(True))
try: range(3).index(5)
except ValueError as e: print(e)
try: range(3).index("a")
except ValueError as e: print(e)
try: range(3)["a"]
except TypeError as e: print(e)
try: range(3)[3]
except IndexError as e: print(e)
try: range(1, 2, 0)
except ValueError as e: print(e)
try: range()
except TypeError as e: print(e)
try: range(1, 2, 3, 4)
except TypeError as e: print(e)
try: range(1.5)
except TypeError as e: print(e)
print(range(10**30)[10**29], len(range(-10**20, 10**20, 10**19)), list(range(2**62 - 2, 2**62 + 2)))
print(list(range(-2**62 - 2, -2**62 + 2)), list(reversed(range(2**63 - 2, 2**63 + 1))))
print(range(0, 3) == range(0, 3, 2), range(0, 1, 5) == range(0, 1, 3), range(1, 2) != range(1, 3))
print(bool(range(0)), bool(range(1)), range(3).start, range(3).stop, range(3).step)
print(list(enumerate("abc", 5)), list(enumerate([], start=-1)), list(enumerate("ab", start=2**70)))
print(list(zip()), list(zip("ab")), list(zip("abc", range(2))))
try: list(zip("abc", range(2), strict=True))
except ValueError as e: print(e)
try: list(zip("a", range(2), range(3), strict=True))
except ValueError as e: print(e)
try: list(zip("ab", "ab", "a", strict=True))
except ValueError as e: print(e)
print(list(zip("ab", "cd", strict=True)))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(str, range(3))))
try: map(str)
except TypeError as e: print(e)
print(list(filter(None, [0, 1, "", "a", None])), list(filter(lambda v: v > 1, [1, 2, 3])), list(filter(bool, [0, 2])))
try: filter(None)
except TypeError as e: print(e)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
    def __len__(self): return 3
print(list(iter(Seq())), list(reversed(Seq())), 20 in Seq())
try: reversed(5)
except TypeError as e: print(e)
try: reversed({1, 2})
except TypeError as e: print(e)
class NoRev:
    __reversed__ = None
    def __getitem__(self, i): return i
    def __len__(self): return 2
try: reversed(NoRev())
except TypeError as e: print(e)
cnt = iter([1, 2, 3, None, 4]).__next__
print(list(iter(cnt, None)))
s = slice(1, 10, 2)
print(s.indices(5), slice(None).indices(3), slice(-5, None, -1).indices(10), slice(10**20, None).indices(10**25))
try: hash(slice(1))
except TypeError as e: print(e)
print(slice(1, 2) < slice(1, 3), slice(1) == slice(None, 1), slice(1, 2, 3).__reduce__())
try: slice()
except TypeError as e: print(e)
try: [1][::0]
except ValueError as e: print(e)
try: [1]["a":]
except TypeError as e: print(e)
print([1, 2, 3][None:None:None], "abc"[::-1], [0, 1, 2, 3][slice(10**20)], [0, 1][-(10**20):])
e = enumerate([1]); print(next(e), next(e, "end"))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter(range(1))).__name__, type(iter(range(10**20))).__name__)
print(type(reversed([])).__name__, type(reversed(range(1))).__name__, type(reversed({})).__name__, type({}.items().__iter__()).__name__, type(iter(Seq())).__name__, type(iter(cnt, 1)).__name__)
print(type(reversed({}.values())).__name__, type(reversed((1,))).__name__)
