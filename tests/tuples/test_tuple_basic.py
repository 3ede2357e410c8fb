# Covers tuples: creation, singleton syntax, indexing, slicing, concat, count/index, hashing, comparisons.
t = (1, 2, 3)
e = ()
s = (5,)
print(t, e, s, len(t), len(e), t[0], t[-1], t[1:], t[::-1], tuple("ab"), tuple([1, [2]]), tuple(range(3)))
print(1, 2 == (1, 2), (1, 2) == (1, 2), type(s).__name__, type((5)).__name__, repr((None,)))
print(t + (4,), t * 2, 0 * t, 2 in t, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9))
print(t.count(2), (1, 1, 2).count(1), t.index(3), (1, 2, 1).index(1, 1))
print(hash(t) == hash((1, 2, 3)), {t: "v"}[(1, 2, 3)], hash(()) == hash(()))
try:
    t[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    t + [4]
except TypeError as e:
    print(type(e).__name__, e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested, len(nested))
inner = [1]
tt = (inner, 2)
inner.append(3)
print(tt)
x = 1, 2, "three"
print(x, type(x).__name__)
print(tuple(x for x in range(4)), (*t, *"ab"), sorted((3, 1, 2)), max((1, 9, 3)), sum((1, 2)))
