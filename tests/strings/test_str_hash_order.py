# Covers hash(str)/hash(bytes) values and set/dict iteration order of strings under PYTHONHASHSEED=0.
words = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "é", "日本", "😀", "", "a", "ab"]
print([hash(w) for w in words])
print([hash(w.encode()) for w in words])
print(set(words))
print({w: len(w) for w in words})
s = set()
for i in range(50):
    s.add("k%d" % i)
print(s)
print(frozenset("abcdefghijklmnop"))
print(set(b"xyz" + bytes([i]) for i in range(20)))
print(hash("a" * 1000), hash(("x", "y")))
