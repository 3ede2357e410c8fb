# Covers str.format: positional/auto/keyword fields, attribute and index fields, conversions, format specs.
class P:
    def __init__(self):
        self.x = 3
        self.y = [10, 20]
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
p = P()
print("{} {} {}".format(1, "a", 2.5), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0.x} {0.y[1]} {p.y[0]} {d[key]} {l[2]}".format(p, p=p, d={"key": "v"}, l=[7, 8, 9]))
print("{0!s} {0!r} {0!r:>10} {0!s:*^9}".format(p), "{!s}-{!r}".format(p, p))
print("{:>8}|{:<8}|{:^8}|{:*^8}|{:08.3f}|{:+d}|{:,}|{:_x}|{:#b}|{:e}|{:.2%}".format(
    "ab", "cd", "ef", "gh", 3.14159, 5, 1234567, 2 ** 20, 5, 1234.5, 0.256))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2), "{:{}{}}".format("x", ">", 5), "{0:{1}}".format(42, "^6"))
print("{{}} {{{0}}} }}{{".format("lit"))
print("{:s}".format("str"), "{:10}".format(5), "{:10}".format("s"), "{:<5}".format(True), "{}".format(None))
print("{:x}{:X}{:o}{:c}".format(255, 255, 8, 97), "{:=+8d}".format(-42), "{:=8}".format(-3.5))
print("{:.3}".format("abcdef"), "{:.3}".format(3.14159), "{:.0f}".format(0.5), "{:g}".format(1e-7))
print("{}".format([1, "a"]), "{}".format({"k": (1,)}), "{0[0]}{0[1]}".format("hi"))
for fmt, args, kw in [("{", (), {}), ("}", (), {}), ("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}),
                      ("{1}", (1,), {}), ("{x}", (), {}), ("{0.nope}", (1,), {}), ("{:d}", ("a",), {}),
                      ("{0[5]}", ([1],), {}), ("{!z}", (1,), {}), ("{}", (), {})]:
    try:
        print(fmt.format(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
print(format("abc", ">6"), format(3.5), format(7, "03"), format("x"), format([1], ""))
