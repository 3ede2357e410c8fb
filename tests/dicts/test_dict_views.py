# Covers dict views: live updates, set operations, reversed, iteration, and changing size during iteration.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
d["d"] = 4
print(k, v, it, list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), k == {"a", "b", "c", "d"})
print(sorted(it & {("a", 1), ("b", 0)}), k.isdisjoint({"x"}), "a" in k, ("a", 1) in it, 1 in v)
for key in d:
    print(key, d[key], end="; ")
print()
for key, val in d.items():
    print(key, val, end="; ")
print()
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(d))
for key in list(d):
    if key.startswith("new"):
        del d[key]
print(d)
for key in d:
    d[key] = d[key] * 10
print(d)
print(type(k).__name__, type(v).__name__, type(it).__name__, list(iter(k)), next(iter(it)))
