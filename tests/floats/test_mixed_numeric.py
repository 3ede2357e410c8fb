# Covers numeric tower interplay: int/float/bool mixing, abs, divmod, pow, sum, min/max, hash equality.
print(1 + True, 1.5 + True, 2 * False, True / 4, 3 // 2.0, -3 % 2.0, 2 ** True)
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False))
print(hash(2 ** 70) == hash(float(2 ** 70)), hash(1.5) == hash(1.5))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
s = {0, 0.0, False, 1, 1.0}
print(len(s))
print(sum([1, 2.5, True]), sum([0.5, 0.25], 10), sum(range(5), 0.5), max([1, 2.5, 2]), min(3, 2.0, 2))
print(abs(-5), abs(-5.5), abs(True), divmod(7, 2.0), divmod(-7.0, 2), pow(2, 0.5) == 2 ** 0.5)
print(pow(2.0, 3), pow(-2, 3), pow(4, -1), int("7") + float("0.5"))
print(isinstance(1, (int, float)), isinstance(1.0, int), isinstance(True, float), type(1 * 1.0).__name__)
print(0.1 * 3 == 0.3, round(0.1 * 3, 10) == 0.3, 1e16 + 1 == 1e16, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(10 // 3.0, 10 % 3.0, -10 // 3.0, -10 % 3.0, 10.0 // -3, 10.0 % -3)
