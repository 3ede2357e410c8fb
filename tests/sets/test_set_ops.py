# Covers set algebra: | & - ^ operators, method forms with iterables, in-place forms, frozenset results.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, [4]), a.difference([1], (2,)), a.symmetric_difference(range(3, 8)))
print(sorted(a | b), sorted(frozenset(a) | b), type(frozenset(a) | b).__name__, type(a | frozenset(b)).__name__)
c = set(a)
c |= {7}; print(c)
c &= {1, 2, 7, 6}; print(c)
c -= {1}; print(c)
c ^= {2, 3}; print(c)
c.update([4, 5], {6}); print(c)
c.intersection_update({3, 4, 5, 6, 7}); print(c)
c.difference_update([3]); print(c)
c.symmetric_difference_update({4, 0}); print(c)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted({"x", "y"} | {"z"}), sorted({"x", "y"} & {"y", "q"}), sorted(set("abcd") - set("bd")))
print({i for i in range(8) if i % 3 == 0}, {x % 4 for x in range(100)}, {*range(3), *[5]})
d = a.copy()
d.add(7)
print(a, d, a is d)
print(len(a & set()), set() | set(), frozenset({1, 2}) & frozenset({2}), set([1, 2]) - frozenset([2]))
