# Covers %-formatting: %s %r %d %i %f %e %g %x %o %c %% with width, precision, flags, tuples and dicts.
print("%s|%r|%d|%i|%f|%e|%g|%x|%X|%o|%c|%%" % ("s", "r", 42, -7, 3.5, 12345.678, 0.0001, 255, 255, 8, 65))
print("%5s|%-5s|%.2s|%5.1s|%r" % ("abc", "abc", "abc", "abc", 'it\'s'))
print("%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%x|%#x|%#X|%#o|%08.3f" % (42, 42, 42, 42, 42, 42, 7, -255, 255, 255, 8, -3.14159))
print("%.0f|%.1f|%.3f|%10.4f|%-10.2f|%+.2e|%.3g|%g|%g|%G" % (2.5, 0.05, 1 / 3, 3.14159265, 2.5, 12345.6789, 1234567, 1e-5, 1e16, 1e-20))
print("%c%c%c" % ("x", 0x263A, 97), "%s" % [1, 2], "%s" % ((1, 2),), "%r" % ({"a": 1},))
print("%(name)s is %(age)d years, %(name)r" % {"name": "Ann", "age": 30})
print("%s" % None, "%s %s" % (True, 1.0), "%d" % True, "%d" % 3.99, "%i" % -2.5, "%s" % 2 ** 100)
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159))
print("100%%" % (), "%s%%" % 50, "%%%s" % "x")
print("%x %o %d" % (2 ** 70, -(2 ** 40), -(10 ** 30)))
for bad in [("%d", "a"), ("%s %s", (1,)), ("%s", (1, 2)), ("%f", "x"), ("%c", "ab"), ("%(k)s", {"x": 1}),
            ("%q", 1), ("%", ()), ("%x", 1.5)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
