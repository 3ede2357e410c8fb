# Covers hash() consistency rules: equal values hash equal across types; unhashables raise TypeError.
print(hash(1) == hash(1.0), hash(0) == hash(-0.0), hash(True) == hash(1), hash(2 ** 61 - 1) == hash(0))
print(hash(-1), hash(-2), hash(0), hash(1), hash(12345), hash(-12345), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(1.5), hash(-1.5), hash(0.5), hash(float("inf")), hash(float("-inf")), hash(2 ** 100) == hash(2.0 ** 100))
print(hash("abc") == hash("ab" + "c"), hash(b"abc") == hash(bytes([97, 98, 99])), hash((1, "a")) == hash((1, "a")))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(None) == hash(None), hash(()) == hash(tuple()))
print(hash(range(3)) == hash(range(0, 3)), hash(3) == 3, hash(-7) == -7)
for bad in ([], {}, set(), [1], ([1],)):
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
x = object()
print(hash(x) == hash(x), id(x) == id(x), isinstance(hash("s"), int), isinstance(id(x), int))
