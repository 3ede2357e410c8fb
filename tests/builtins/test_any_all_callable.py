# Covers any/all (short-circuiting, empty iterables, generators) and bool conversions of results.
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 1]), all([1, 0]))
print(any(x > 5 for x in range(10)), all(x < 10 for x in range(10)), any("abc"), all(""), any({0: 1}))
seen = []
def check(v):
    seen.append(v)
    return v
print(any(check(v) for v in [0, 0, 3, 0, 5]), seen)
seen.clear()
print(all(check(v) for v in [1, 2, 0, 4]), seen)
print(type(any([1])).__name__, any([[]]), all([[]]), any(iter([0, 0])), all(range(1, 5)))
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
