# Covers // and % on floats and mixed int/float incl. negatives, divmod, ZeroDivisionError, float.is_integer.
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (7, 2.5), (-7, 2.5), (0.3, 0.1), (1e10, 3.3),
         (5.0, 0.5), (-0.0, 1.0), (1.0, 0.1), (-1.0, 3.0), (2 ** 60, 0.75)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(5.0 % float("inf"), -5.0 % float("inf"), 5.0 // float("inf"), -5.0 // float("inf"))
for a in (1.0, 1, -2.5):
    for b in (0.0, 0):
        try:
            a // b
        except ZeroDivisionError as e:
            print("//", type(e).__name__)
        try:
            a % b
        except ZeroDivisionError as e:
            print("%", type(e).__name__)
        try:
            divmod(a, b)
        except ZeroDivisionError as e:
            print("divmod", type(e).__name__)
for v in (1.0, 1.5, -2.0, 0.0, -0.0, 1e300, float("inf"), float("nan"), 2.0 ** 60 + 0.5):
    print(v, v.is_integer())
