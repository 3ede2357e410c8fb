# Covers * and ** unpacking in calls and in list/tuple/set/dict displays.
a = [1, 2]
b = (3, 4)
s = "xy"
print([*a, *b, *s], (*a, 5), {*a, *b}, [*range(3), *[], *{"k": 1}], (*a,))
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1, "a": 100}, {**{}}, dict(**d1, c=3))
def f(*args, **kw):
    return args, kw
print(f(*a, *b), f(*a, 0, *s, x=1, **d1), f(**d1, **{"q": 1}), f(*(), **{}))
def g(p, q, r=0, *, k=None):
    return p, q, r, k
print(g(*a), g(*[1], q=2), g(*a, **{"k": "kw"}), g(*range(3)))
first, *others = [*a, *b]
print(first, others)
try:
    f(**d1, **{"a": 9})
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(*[1, 2, 3, 4])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [*5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {**[1]}
except TypeError as e:
    print(type(e).__name__, e)
print(print(*["printed", "via", "star"], sep="-"))
gen = (i * i for i in range(4))
print([*gen], [*gen])
