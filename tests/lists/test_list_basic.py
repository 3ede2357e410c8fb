# Covers list creation, indexing, len, membership, concatenation, repetition, equality and repr.
a = [1, 2, 3]
b = list("abc")
c = list(range(5))
e = []
print(a, b, c, e, len(a), len(e), a[0], a[-1], b[1], [1, [2, [3, []]]], [None, True, 1.5, "s", b"b"])
print(a + b, a * 2, 2 * a, [] * 3, [0] * 0, [[0] * 2] * 2, a == [1, 2, 3], a != [1, 2], a is not b)
print(2 in a, 5 in a, "b" in b, [1] in [[1], 2], list(), list((1, 2)), list({"k": 1, "j": 2}))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [1, 2] == [1.0, 2.0])
x = [1, 2, 3]
y = x
y.append(4)
print(x, y, x is y, x == x[:], x[:] is x)
x[0] = 100
x[-1] = -4
print(x)
nested = [[1, 2], [3, 4]]
nested[1][0] = 30
print(nested, nested[0][1], len(nested[1]))
r = [1]
r.append(r)
print(r, len(r))
print(list(map(str, a)), [str(i) for i in a], repr([" ", "'"]), str([1.0, -0.0]))
print(sum([[1], [2], [3]], []), [*a, *b], [*range(3)])
print(type(a).__name__, isinstance(a, list), bool([]), bool([0]))
