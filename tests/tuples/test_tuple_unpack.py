# Covers tuple packing/unpacking: swap, nested, starred, in for loops, and unpack error messages.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
x, *y = (1,)
print(x, y)
[p, q], [r, *s] = "pq", [1, 2, 3]
print(p, q, r, s)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    (a, b), c = [1, 2], 3, 4
except ValueError as e:
    print(type(e).__name__)
d = {"x": 1, "y": 2}
k1, k2 = d
print(k1, k2)
(m,) = [42]
print(m)
[n] = (43,)
print(n)
