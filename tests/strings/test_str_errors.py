# Covers CPython's exact TypeError/ValueError/LookupError messages of str methods, constructors, format() and %-formatting.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: "a".find(), lambda: "a".find(1), lambda: "a".find("a",1,2,3), lambda: "a".find("a","x"),
          lambda: "a".count(1), lambda: "a".startswith(1), lambda: "a".startswith((1,)), lambda: "a".replace(1,"x"),
          lambda: "a".replace("a"), lambda: "a".replace("a","b","c"), lambda: "a".split(1), lambda: "a".split(""),
          lambda: "a".split("a", "b"), lambda: "a".strip(1), lambda: "a".center(), lambda: "a".center("x"),
          lambda: "a".center(5, 1), lambda: "a".join([1]), lambda: "a".join(1), lambda: "a".partition(1),
          lambda: "a".expandtabs("x"), lambda: "a".encode(1), lambda: "a".encode("xx"), lambda: "\xe9".encode("ascii", "xx"),
          lambda: "a".encode("ascii", "xx"), lambda: "a".removeprefix(1), lambda: "a".upper(1), lambda: "a".splitlines(1.5),
          lambda: "abc"[2**100], lambda: "abc"[None:"x"], lambda: 1 in "abc", lambda: "a" * (2**100),
          lambda: "a".translate(1), lambda: "a".index("b"), lambda: str.maketrans(1), lambda: str.maketrans("ab", "c"),
          lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}), lambda: str(b"x", 1), lambda: str(1, "utf-8"),
          lambda: str("a", "utf-8"), lambda: str(1,2,3,4), lambda: "a".format_map(1), lambda: "{0}".format_map({}),
          lambda: "a".__format__(1), lambda: format("a", "x"), lambda: format(1, "abc"), lambda: format(-1, "c"),
          lambda: format(1, "\u20ac"), lambda: format(1.5, "d"), lambda: format(2**2000, "e"),
          lambda: "a" < 1, lambda: "abc".encode("utf-16").decode("utf-8"), lambda: b"\x00".decode("utf-16"),
          lambda: "%(a" % {"a": 1}, lambda: "%s" % {}, lambda: "%d" % [], lambda: "%.*f" % ("x", 1.0), lambda: "%*d" % (1.5, 2),
          lambda: "%c" % -1, lambda: "%c" % 1.5, lambda: "%i" % "3", lambda: "x" % 5, lambda: "x" % [], lambda: "%s %(a)s" % {"a": 1},
          lambda: "{0:{1:{2}}}".format(1, 2, 3), lambda: "{:,s}".format("x"), lambda: "{:=}".format("x"), lambda: "{:+}".format("x"),
          lambda: ord(""), lambda: chr(-1), lambda: bytes([300]), lambda: "é".encode("latin-1").decode("ascii"),
          lambda: "✓".encode("latin-1"), lambda: "ab\ud800cd\udc00".encode(), lambda: sorted(["b", 1])]:
    t(f)
