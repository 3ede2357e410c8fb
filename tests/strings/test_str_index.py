# Covers str indexing and slicing: negative indices, steps, out-of-range slices, IndexError.
s = "abcdefghij"
for i in range(-10, 10):
    print(i, s[i], end="; ")
print()
for start in (None, 0, 2, -3, 20, -20):
    for stop in (None, 5, -1, 0, 100):
        for step in (None, 1, 2, -1, -3):
            print(repr(s[start:stop:step]), end=" ")
    print()
print(s[::-1], s[::2], s[1::2], s[-1:-5:-1], s[5:2], s[2:2], s[:], s[-100:100])
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[-11]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
print(s[True], s[slice(2, 8, 3)], len(s), len(""), ""[:5], repr(""[::-1]))
for ch in "xyz":
    print(ch, end="")
print()
print(list("hello"), tuple("ab"), "".join(reversed("stressed")))
