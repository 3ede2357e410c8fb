# Covers len() on builtin containers, and the constructors int/float/str/bool/list/tuple/dict/set/frozenset.
for obj in ["", "abc", "日本", [], [1, 2], (), (1,), {}, {"a": 1}, set(), {1, 2, 3}, frozenset([1]),
            range(10), range(1, 10, 3), b"bytes", bytes(5)]:
    print(type(obj).__name__, len(obj))
print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), frozenset(), bytes())
print(int("7"), int(7.9), int(True), float("2.5"), float(3), str(12), str(1.5), str([1, "a"]), str(None))
print(bool(""), bool("0"), list("ab"), list(range(3)), list({"x": 1}), tuple([1, 2]), tuple("hi"))
print(dict(a=1), dict([(1, 2)]), dict({"k": "v"}), set("aab") == {"a", "b"}, frozenset("aa") == frozenset("a"))
print(str(b"bytes"), str(str), str(1e100), repr(str("x")), list(map(int, ["1", "2"])))
print(type(int("5")) is int, type(str(5)) is str, isinstance(list(), list))
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    float("1,5")
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(1, 2)
except TypeError as e:
    print(type(e).__name__)
