# Covers abs, min, max (key=, default=, multiple args), sum (start), and their errors.
print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-0.0), abs(-(2 ** 100)), abs(True), abs(-False))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min("b", "a", "c"), max((1, 2), (1, 3)))
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(min(words, key=len), max(words, key=len), min(words), max(words, key=lambda w: w[-1]))
print(max([], default="empty"), min((), default=None), max([5], default=0), min([2, 1], key=lambda v: -v))
print(max(1, 2.5), min(-1, -1.0), max([1, 1.0]), min([1.0, 1]), max(True, 0), max(range(10), key=lambda v: v % 4))
for bad in [lambda: max([]), lambda: min(()), lambda: max(1), lambda: min([1, "a"]), lambda: max()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([], 5), sum(range(1001)), sum([0.5, 0.25]), sum([[1], [2]], []))
print(sum((True, True, False)), sum([1, 2.5]), sum(x * x for x in range(4)), sum([2 ** 70, 2 ** 70]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
