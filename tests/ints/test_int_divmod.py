# Covers floor division and modulo sign rules for ints (negative operands), divmod, ZeroDivisionError.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (0, -5), (1, 7), (-1, 7), (6, 3), (-6, 3),
         (10 ** 20 + 1, 3), (-(10 ** 20) - 1, 3), (10 ** 20, -7), (5, 10 ** 20), (-5, 10 ** 20)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, a // b, a % b, q, r, q * b + r == a)
for op in ("/", "//", "%"):
    try:
        if op == "/":
            1 / 0
        elif op == "//":
            1 // 0
        else:
            1 % 0
    except ZeroDivisionError as e:
        print(op, type(e).__name__)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print("divmod", type(e).__name__)
try:
    print(10 / 0)
except ZeroDivisionError as e:
    print(e)
try:
    x = 2 ** 100 // 0
except Exception as e:
    print(type(e).__name__)
print(-1 // 1, -1 % 1, 0 // -3, -0 % 3)
print(17 // 5 * 5 + 17 % 5, -17 // 5 * 5 + -17 % 5)
