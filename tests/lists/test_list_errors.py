# Covers list error messages: out-of-range index, bad index types, unhashable, unsupported operands.
a = [1, 2, 3]
for idx in (3, -4, 100):
    try:
        a[idx]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    a[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    del a[7]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a["1"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a + (4,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a - a
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {a: 1}
except TypeError as e:
    print(type(e).__name__)
try:
    a * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [].index(0)
except ValueError as e:
    print(type(e).__name__)
print(a)
