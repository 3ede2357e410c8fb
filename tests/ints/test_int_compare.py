# Covers comparisons between ints, bools, floats and big ints, incl. chained and mixed types.
vals = [-(2 ** 70), -3, -1, 0, 1, 2, 3, 2 ** 62, 2 ** 70]
for a in vals:
    print([(a < b, a <= b, a == b, a != b, a > b, a >= b) for b in (0, 1, 2 ** 62)])
print(1 == 1.0, 1 == True, 0 == False, 2 == True, 1.5 > 1, 2 ** 53 + 1 == 2.0 ** 53)
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 == float("inf"), 10 ** 400 < float("inf"))
print(float("nan") == 1, 1 < float("nan"), 1 != float("nan"))
try:
    print(1 < "1")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(None > 0)
except TypeError as e:
    print(type(e).__name__, e)
print(1 == "1", 1 != None, sorted([3, -1, 2.5, True, 0]), max(1, 2.0), min(2, 1.0))
