# Covers an uncaught AssertionError with message: last line "AssertionError: totals differ: 3 != 4".
a, b = 3, 4
print("checking")
assert a == b, "totals differ: %d != %d" % (a, b)
