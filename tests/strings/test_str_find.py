# Covers find/rfind/index/rindex/count/startswith/endswith (incl. tuple args and start/end), in.
s = "the quick brown fox jumps over the lazy dog the end"
for sub in ["the", "o", "fox", "xyz", "", "d", "the end", "T"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s, s.find(sub, 10), s.rfind(sub, 0, 30),
          s.find(sub, 5, 25), s.count(sub, 10, 40), s.find(sub, -10), s.rfind(sub, -20, -2))
print(s.index("quick"), s.rindex("the"), s.index("o", 20), s.rindex("o", 0, 20))
for sub in ("zzz", "The"):
    try:
        s.index(sub)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        s.rindex(sub)
    except ValueError as e:
        print(type(e).__name__, e)
print(s.startswith("the"), s.startswith("quick", 4), s.startswith(("a", "t")), s.startswith(()),
      s.endswith("end"), s.endswith(("x", "nd")), s.endswith("the", 0, 34), s.startswith("", 100),
      s.endswith("dog", 0, -8), "".startswith(""), "abc".startswith("abcd"))
try:
    s.startswith(["the"])
except TypeError as e:
    print(type(e).__name__, e)
print("aaaa".count("aa"), "aaaa".count("a"), "aaaa".count(""), "".count(""), "abc".count("", 1))
print("banana".find("ana"), "banana".rfind("ana"), "banana".count("ana"), "na" * 3 in "banana")
