# Covers dict methods: get/setdefault/pop/popitem/update/keys/values/items/copy/clear/fromkeys.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", "dflt"), d.setdefault("a", 99), d.setdefault("c", 3), d.setdefault("n"), d)
print(d.pop("a"), d.pop("zz", "missing"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
d.update({"x": 1, "y": 2})
d.update([("z", 3)])
d.update(w=4, x=10)
d.update()
print(d)
try:
    d.update([("bad",)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    d.update(5)
except TypeError as e:
    print(type(e).__name__, e)
c = d.copy()
c["new"] = 1
print(d, c, c is d)
c.clear()
print(c, len(c))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []), {}.fromkeys(("k",), "v"))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
print(list(d.keys()), list(d.values()), list(d.items()), d.keys(), d.values(), d.items())
print(d.get(1, 2), {1: None}.get(1, "x"), len(d.keys()), "x" in d.keys(), 10 in d.values(), ("x", 10) in d.items())
m = {"one": 1}
print(m | {"two": 2}, {"one": 0} | m, m)
m |= {"three": 3}
m |= [("four", 4)]
print(m)
try:
    m | [("x", 1)]
except TypeError as e:
    print(type(e).__name__, e)
print({**m, "one": 100}, {"zero": 0, **m}, dict(m, five=5))
