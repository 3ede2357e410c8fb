# Covers dict comprehensions (filters, nested, key collisions), dict from pairs, and grouping idioms.
print({i: i * i for i in range(6)}, {c: ord(c) for c in "abc"}, {i % 3: i for i in range(10)})
print({k: v for k, v in zip("xyz", [1, 2, 3]) if v != 2}, {(i, j): i * j for i in range(3) for j in range(2)})
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
print({k: len(v) for k, v in groups.items()}, {v: k for k, v in {"a": 1, "b": 2}.items()})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
matrix = {r: {c: r * c for c in range(3)} for r in range(3)}
print(matrix, matrix[2][2])
inv = {}
for k, v in {"a": 1, "b": 1, "c": 2}.items():
    inv.setdefault(v, []).append(k)
print(inv)
print(dict((x, str(x)) for x in range(3)), dict(enumerate("ab")), {**{"a": 1}, **{"a": 2, "b": 3}})
