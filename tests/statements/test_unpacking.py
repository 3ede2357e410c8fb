# Covers iterable unpacking in assignments and loops: nested, starred, from generators/strings/dicts, errors.
a, b, c = "xyz"
print(a, b, c)
(a, b), (c, d) = [(1, 2), (3, 4)]
print(a, b, c, d)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
h, *t = range(5)
print(h, t)
*h, t = range(5)
print(h, t)
a, *b, c = [1, 2]
print(a, b, c)
a, *b, c = "abcdef"
print(a, b, c)
[a, [b, *c]] = [0, (1, 2, 3)]
print(a, b, c)
a, b = (x * x for x in range(2))
print(a, b)
k, v = {"only": 1}.popitem()
print(k, v)
for (i, j), k in [((1, 2), 3), ((4, 5), 6)]:
    print(i + j + k)
for n, (first, *rest) in enumerate(["abc", "de", "f"]):
    print(n, first, rest)
for x, in [(1,), (2,)]:
    print(x)
def unpack3(seq):
    a, b, c = seq
    return a, b, c
for seq in ([1, 2], [1], [], "ab", (x for x in range(2))):
    try:
        unpack3(seq)
    except ValueError as e:
        print(type(e).__name__, e)
def unpack_star(seq):
    a, b, *c, d = seq
    return a, b, c, d
for seq in ([1, 2, 3], [1, 2], "abcdefg"):
    try:
        print(unpack_star(seq))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a, b = None
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__)
x = [1, 2]
x[0], x[1] = x[1], x[0]
print(x)
i = 0
lst = [5, 6, 7]
i, lst[i] = 2, "set"
print(i, lst)
