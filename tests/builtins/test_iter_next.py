# Covers iter() (incl. two-argument sentinel form) and next() with and without default.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, e.args)
print(list(iter("abc")), list(iter((1,))), sorted(iter({3, 1})), list(iter({"k": 1})))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)), counter)
data = ["a", "b", "STOP", "c"]
pos = [0]
def reader():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, "STOP")))
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
d = {"x": 1, "y": 2}
di = iter(d)
print(next(di), next(di), next(di, "done"))
si = iter("hé")
print(next(si), next(si), type(si).__name__ in ("str_iterator", "str_ascii_iterator"))
ri = iter(range(2))
print(next(ri), next(ri), next(ri, "range done"))
