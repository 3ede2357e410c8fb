# Covers bool: truthiness of builtins, bool arithmetic, repr, bool() conversions, and/or/not.
things = [0, 1, -1, 0.0, -0.0, 0.1, "", "a", " ", [], [0], (), (None,), {}, {0: 0}, set(), {0},
          None, range(0), range(1), b"", b"\x00", frozenset(), 2 ** 100, float("nan")]
for t in things:
    print(repr(t), bool(t), not t)
print(True + True, True * 10, True / 2, True - False, True // 1, False ** 0)
print(repr(True), str(False), type(True).__name__, isinstance(True, int), issubclass(bool, int))
print(True == 1, False == 0, True is True, hash(True) == hash(1), {True: "a", 1: "b"})
print(bool(), bool("False"), bool([]), int(False), float(True))
print(True and 3, 0 and 3, 0 or [], "" or "x", None or 0, 5 or 6)
print(True & False, True | False, True ^ False, repr(True & False))
print(sum([True, True, False, True]), max(True, False), list(map(bool, [0, 2, ""])))
