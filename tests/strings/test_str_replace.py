# Covers str.replace with counts and empty strings, partition/rpartition, and string concatenation.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print(s.replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaa".replace("a", ""))
print(s.replace("xyz", "q"), s.replace(" ", ""), "aaaa".replace("aa", "b"))
for t in ["key=value", "key=", "=value", "novalue", "a=b=c", ""]:
    print(t.partition("="), t.rpartition("="))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"))
try:
    "abc".partition("")
except ValueError as e:
    print(type(e).__name__, e)
a = "abc"
b = a + "def"
b += "ghi"
print(a, b, a + "", "" + a, "x" "y" "z")
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + None
except TypeError as e:
    print(type(e).__name__, e)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "".join(parts))
acc = ""
for i in range(20):
    acc += chr(ord("a") + i)
print(acc, len(acc))
