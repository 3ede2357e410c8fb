# Covers list comprehensions: filters, multiple for clauses, nesting, closures, scope isolation.
print([x for x in range(10)], [x * x for x in range(10) if x % 2 == 0], [c.upper() for c in "abc"])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix], [n for row in matrix for n in row if n % 2])
print([[row[i] for row in matrix] for i in range(3)])
x = "outer"
print([x for x in "ab"], x)
print([i if i % 2 else -i for i in range(6)], [y for y in [3, 1, 2] if y > 1 if y < 3])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
print([len(w) for w in "the quick brown fox".split()], [w for w in ["a", "", "b"] if w])
print([x + y for x, y in zip([1, 2], [10, 20])], [k for k, v in {"a": 1, "b": 0}.items() if v])
print([[] for _ in range(3)], [i for i in []], [a * b for a, b in [(1, 2), (3, 4)]])
def in_func(n):
    base = 10
    return [base + i for i in range(n)]
print(in_func(3))
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0], sum([i for i in range(101)]))
