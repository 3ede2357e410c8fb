# Covers conditional expressions, chained comparisons, and/or returning operands, not, is/in, precedence.
for v in (-1, 0, 1):
    print("neg" if v < 0 else "zero" if v == 0 else "pos")
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1 != 2, 0 <= 0 < 1 <= 1, 1 < 2 > 0, "a" < "b" <= "b")
calls = []
def val(x):
    calls.append(x)
    return x
print(val(1) < val(0) < val(5), calls)
calls.clear()
print(val(1) < val(2) < val(3), calls)
print(0 and 1, 1 and 0, 1 and 2, [] and "x", "a" and "b", None and crash_if_evaluated)
print(0 or 1, 1 or crash_if_evaluated, [] or {}, "" or "default", None or 0 or "last")
print(not 0, not 1, not [], not [0], not None, not not "x")
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3, (1 or 2) and 3)
x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, x == z, x is not z, 1 in x, 3 not in x, "ab" in "cab", not 1 in x)
print(2 + 3 * 4 ** 2 // 5 - 1, -2 ** 2, (-2) ** 2, 2 ** -1, 10 - 4 - 3, 2 ** 3 ** 2, 7 // 2 * 2 + 7 % 2)
print(1 | 2 ^ 3 & 4, 1 << 2 + 1, (1 << 2) + 1, ~0 + 1, -~5, ~-5)
print(True + 1 if 0 else 5, [1, 2][0 if True else 1], (lambda: 1)() if x else 0)
r = val(0) or val("") or val("third") or val("never")
print(r, calls)
