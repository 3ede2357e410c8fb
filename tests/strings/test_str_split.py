# Covers split/rsplit (sep, maxsplit), splitlines (keepends), join, and their errors.
tests = ["a b  c", "  leading and trailing  ", "a,b,,c,", ",", "", "one", "a\tb\nc\r\nd\x0be\x0cf",
         "1 2 3 4 5"]
for t in tests:
    print(repr(t), t.split(), t.split(","), t.split(" "), t.split(None, 1), t.rsplit(None, 1),
          t.split(",", 1), t.rsplit(",", 1), t.rsplit(" ", 2))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "abc".split("abc"), "abcabc".split("b", 0))
print("x".split(maxsplit=0), "  x  y ".split(maxsplit=1), " a b ".rsplit(maxsplit=1))
for t in ["line1\nline2\r\nline3\rline4", "trailing\n", "\n\n", "", "no newline", "a\x1cb\x1dc\x1ed\x85e"]:
    print(repr(t), t.splitlines(), t.splitlines(True), t.split("\n"))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(("1", "2")),
      ", ".join(str(i) for i in range(5)), "ab".join(["", ""]), "|".join({"k": 1, "j": 2}))
try:
    "".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ",".join(["a", 1, "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ",".join(5)
except TypeError as e:
    print(type(e).__name__, e)
print("a b c".split(" ", -1), "a.b.c".rsplit(".", -1))
