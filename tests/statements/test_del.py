# Covers del on names, list items and slices, dict keys, attributes, and tuple targets.
a = 1
b = [1, 2, 3, 4, 5, 6]
c = {"x": 1, "y": 2}
del a
print("a" in dir())
del b[0]
print(b)
del b[-1]
print(b)
del b[1:3]
print(b)
b = list(range(10))
del b[::2]
print(b)
del b[:]
print(b)
del c["x"]
print(c)
class O:
    pass
o = O()
o.p = 1
o.q = 2
del o.p
print(vars(o))
x, y, z = 1, 2, 3
del x, y
print(z, "x" in dir(), "y" in dir())
lst = [[1, 2], [3, 4]]
del lst[0][1]
print(lst)
nested = {"a": {"b": 1, "c": 2}}
del nested["a"]["b"]
print(nested)
def local_del():
    v = "local"
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
try:
    del c["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del o.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del b[5]
except IndexError as e:
    print(type(e).__name__, e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
s = "str"
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
