# Covers set and dict comprehensions, generator expressions (laziness, single use), nested combinations.
print({x % 5 for x in range(20)}, sorted({w[0] for w in ["apple", "avocado", "banana"]}))
print({k: v for k, v in zip("abc", range(3))}, {x: x ** 2 for x in range(5) if x != 2})
print({(i, j): i + j for i in range(2) for j in range(2)})
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]), any(x > 3 for x in [1, 5]))
print(list(x for x in "abc"), tuple(i for i in range(3)), set(i % 2 for i in range(5)), dict((i, -i) for i in range(2)))
evaluated = []
def source():
    for i in range(3):
        evaluated.append(i)
        yield i
lazy = (v * 10 for v in source())
print(evaluated)
print(next(lazy), evaluated)
print(list(lazy), evaluated)
nested = [[1, 2], [3], []]
print({n for row in nested for n in row}, {i: [n for n in row] for i, row in enumerate(nested)})
print(sorted({c for c in "mississippi"}), {len(w): w for w in ["a", "bb", "cc", "d"]})
try:
    gen = (1 / x for x in [1, 0])
    print(next(gen))
    next(gen)
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    bad = (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
print(list(zip((i for i in range(3)), (c for c in "xyz"))))
print("".join(ch for ch in "a1b2" if ch.isalpha()), sum(1 for _ in range(7)))
