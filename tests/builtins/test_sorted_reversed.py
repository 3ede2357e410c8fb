# Covers sorted (key, reverse, stability, any iterable) and reversed (sequences, __reversed__, errors).
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({3: "a", 1: "b"}), sorted({5, 1, 3}))
print(sorted(range(5), reverse=True), sorted([-3, 1, -2], key=abs), sorted(["b", "A", "a", "B"], key=str.lower))
stable = [("b", 1), ("a", 1), ("c", 0), ("a", 0)]
print(sorted(stable, key=lambda t: t[1]), sorted(stable, key=lambda t: t[1], reverse=True))
print(sorted(x % 7 for x in range(10)), sorted([]), sorted([[2], [1, 5], [1]]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(4))))
print(list(reversed({"a": 1, "b": 2})), "".join(reversed("hello")), type(reversed([])).__name__)
class Rev:
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Rev())))
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 100
print(list(reversed(SeqOnly())))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(x for x in [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=1)
except TypeError as e:
    print(type(e).__name__)
