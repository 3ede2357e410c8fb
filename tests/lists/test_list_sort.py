# Covers list.sort/sorted: key, reverse, stability, mixed types errors, sorting strings and tuples.
a = [5, 2, 8, 1, 9, 3, 7, 2, 5]
print(sorted(a), sorted(a, reverse=True), a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig", "elderberry"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a"), (2, "c"), (1, "c")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
recs = [("ann", 30), ("bob", 25), ("cid", 30), ("dan", 25), ("eve", 35)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: -r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
big = [(i * 7919) % 1000 for i in range(200)]
s = sorted(big)
print(s[:10], s[-10:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}), sorted([]), sorted([1.5, -2, 0]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, None].sort()
except TypeError as e:
    print(type(e).__name__, e)
x = [3, 1, 2]
print(x.sort(), x)
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted(["b", "a"], key=None))
