# Covers list slicing reads, slice assignment (incl. extended slices, resizing), and slice deletion.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::2], a[::-1], a[1:8:3], a[8:1:-2], a[100:], a[-100:2], a[5:2])
b = a[:]
b[2:5] = ["x"]; print(b)
b[:0] = [-1, -2]; print(b)
b[len(b):] = [99]; print(b)
b[1:3] = []; print(b)
b[::2] = [0] * len(b[::2]); print(b)
b[::-3] = "ABC"[:len(b[::-3])]; print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
c = list(range(10))
del c[::3]; print(c)
del c[1:3]; print(c)
del c[-1]; print(c)
del c[:]; print(c)
d = list(range(6))
d[2:4] = range(10, 15); print(d)
d[-2:] = (7,); print(d)
d[1:1] = "hi"; print(d)
s = slice(1, 5, 2)
print(a[s], a[slice(None, None, -1)], a[slice(3)])
try:
    a[1.5:2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d[1:2] = 5
except TypeError as e:
    print(type(e).__name__)
m = [[1, 2, 3], [4, 5, 6]]
print([row[1:] for row in m], m[1][::-1], m[::-1][0][0])
