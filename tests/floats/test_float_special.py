# Covers inf, nan and -0.0: arithmetic, comparisons, parsing spellings, identity in containers.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -nan, inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf)
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, nan < 1, nan > 1)
for s in ("inf", "-inf", "+inf", "Infinity", "INF", "-Infinity", "nan", "NaN", "-nan", "  inf  "):
    print(repr(s), float(s))
for s in ("", "abc", "1.2.3", "1e", "in f", "0x10", "1_", "--1"):
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
z = -0.0
print(z, repr(z), z == 0.0, str(z), 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(z), -z)
print(str(-0.0 * 5), round(-0.4), round(-0.4, 1), f"{z:.2f}", "%f" % z)
print(nan in [nan], [nan] == [nan], max(1.0, inf), min(-inf, 0))
print(inf.is_integer(), float("-0").is_integer(), int(-0.0))
print(sorted([3.0, -inf, inf, 0.5, -0.0]))
