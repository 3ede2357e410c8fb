# Covers str comparisons (lexicographic, by code point), equality, in, hash consistency, sorting.
words = ["apple", "Apple", "banana", "app", "", "apple ", "é", "z", "Z", "10", "9", "日本"]
for a in words[:6]:
    print([(a < b, a == b, a > b) for b in words])
print(sorted(words), sorted(words, reverse=True), min(words), max(words))
print("abc" == "abc", "a" < "b" < "c", "abc" < "abd", "ab" < "abc", "" < "a")
print("b" in "abc", "bc" in "abc", "" in "abc", "ac" in "abc", "abc" in "abc", "A" in "abc")
s = "hello world"
print(hash(s) == hash(s[:]), hash(s) == hash("hello " + "world"), hash("") == hash(""))
print(s == s[:], s[:5] == "hello", "x" * 3 == "xxx", "é" == "\u00e9")
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
print("a" != 1, "1" == 1, ["a", "b"] < ["a", "c"], ("a", 1) < ("a", 2))
d = {}
d["key"] = 1
d["ke" + "y"] += 1
print(d)
