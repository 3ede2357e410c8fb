# Covers float formatting (format specs, %-format), float() of strings, hex and int conversions.
vals = [0.0, 1.0, -1.5, 3.14159265358979, 1234567.891, 1e-7, 1e21, 123456789.0, 0.000123]
specs = ["", "f", ".2f", "10.3f", "<10.1f", "^10.1f", "+.1f", "e", ".3e", "E", "g", ".3g", "G",
         "%", ".1%", ",.2f", "_.1f", "012.3f", "-.0f", "#.0f", ".10g", ".0e"]
for v in vals:
    print([format(v, s) for s in specs])
print("%f %.2f %10.3f %-10.1f| %+e %.3E %g %G %5.1g %%" % (1.5, 2.345, 3.14159, -1.25, 12345.678, 0.00012, 1e-5, 1e20, 123.0))
print("%s %r" % (0.1, 0.1 * 3))
print(f"{3.14159:.3f} {2.5:08.2f} {1e6:,.1f} {0.25:.0%} {-0.0:+.1f} {1234.5:g} {1e-10:g}")
print(float(5), float("0.1"), float(" 1e-3\n"), float("-.5"), float("5."), float("1_0.2_5"))
print(int(3.999), int(-3.999))
print(format(float("inf"), "f"), format(float("nan"), ".2f"), format(float("-inf"), "e"), format(1e300, ".3g"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
try:
    format(1.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
