# Covers enumerate (start), zip (uneven, strict), map (multiple iterables), filter (None and function).
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate(["x"], start=-2)))
e = enumerate(["a", "b"])
print(next(e), next(e), next(e, "end"), type(e).__name__)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(range(3), range(10, 13), "xyz")))
print(dict(zip("ab", [1, 2])), list(zip(*[(1, "a"), (2, "b")])))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(len, ["ab", ""])))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")), type(map(str, [])).__name__)
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 2, range(6))))
print(list(filter(str.isdigit, "a1b22")), type(filter(None, [])).__name__)
m = map(lambda v: v * 10, [1, 2, 3])
print(next(m), list(m), list(m))
try:
    list(map(None, [1]))
except TypeError as e:
    print(type(e).__name__)
try:
    zip(1)
except TypeError as e:
    print(type(e).__name__, e)
