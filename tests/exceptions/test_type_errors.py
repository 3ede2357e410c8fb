# Covers exact messages of common TypeErrors raised by operators, calls, subscripts and conversions.
n5, nn, s_abc, t12 = 5, None, "abc", (1, 2)
cases = [
    lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + "a", lambda: 1 - None, lambda: None * 2,
    lambda: {} + {}, lambda: n5[0], lambda: nn[0], lambda: len(5), lambda: -"s", lambda: ~1.5,
    lambda: "a" * "b", lambda: [1][nn], lambda: s_abc["x"], lambda: int([]), lambda: float(None),
    lambda: iter(5), lambda: next([1]), lambda: abs("x"), lambda: 1 < "x", lambda: [] > 0,
    lambda: sorted([1, "a"]), lambda: sum(["a", "b"]), lambda: "".join([1]), lambda: t12[0:1:"x"],
    lambda: divmod("a", 1), lambda: 2 ** "x", lambda: 1 % [], lambda: 5 & 1.5, lambda: 1 << 2.0,
    lambda: ord(1), lambda: chr(1.5), lambda: {1: 2}.get(), lambda: hash([]), lambda: hash({}),
    lambda: "x".join("a", "b"), lambda: list(1), lambda: tuple(None), lambda: dict(1), lambda: set(1),
    lambda: round("1"), lambda: "%d" % "s", lambda: "a" in 5, lambda: 1 in None, lambda: bytes("x"),
    lambda: isinstance(1, "int"), lambda: (lambda x: x)(), lambda: print(sep=5), lambda: int("1", "2"),
]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, e)
