# Covers dict creation forms, insertion order, get/set/del, len, in, equality, repr, KeyError messages.
d = {"b": 1, "a": 2, "c": 3}
print(d, len(d), d["a"], "a" in d, "z" in d, "z" not in d, list(d))
d["z"] = 26
d["b"] = 100
print(d)
del d["a"]
print(d, len(d))
d["a"] = 0
print(d, list(d.keys()))
print(dict(), dict(x=1, y=2), dict([("k", 1), ("j", 2)]), dict({"m": 1}, n=2), dict(zip("abc", range(3))))
print({1: "one", 2.5: "float", (1, 2): "tuple", None: "none", True: "bool?", "s": [1]})
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {} == {}, {1: 1} == {1.0: 1})
for key in ("missing", 42, (1, 2), None, "it's"):
    try:
        d[key]
    except KeyError as e:
        print(type(e).__name__, e, repr(e), e.args)
try:
    del d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__)
e = {}
for w in "the cat and the hat and the bat".split():
    e[w] = e.get(w, 0) + 1
print(e)
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
nested["outer"]["new"] = {}
print(nested)
r = {}
r["self"] = r
print(r)
print(repr({"q": "'", "dq": '"'}), str({1: None}), type(d).__name__, bool({}), bool({0: 0}))
big = {i: i * i for i in range(1000)}
print(len(big), big[999], sum(big.values()), list(big)[:5], list(big)[-3:])
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], 500 in big, 501 in big)
for i in range(0, 20, 2):
    big[i] = -i
print(list(big.items())[-5:], len(big))
