# Covers f-strings: expressions, conversions, nested format specs, =, literals braces, multiline.
x, y, name = 10, 3.14159, "weft"
items = [1, 2, 3]
d = {"a": 1, "b": 2}
print(f"{x} {y} {name} {x + 1} {x * 2 = } {name!r} {name!s} {y:.2f} {x:>5} {x:<5}| {x:^5}|")
print(f"{y:{x}.{2}f}|{x:{'>' if x > 5 else '<'}8}|{name:*^{x}}")
print(f"{items[0]} {items[-1]} {d['a']} {len(items)} {sum(items)} {[i * 2 for i in items]}")
print(f"{{literal}} {{{x}}} {'{'}{x}{'}'}")
print(f"{x=}", f"{y=:.1f}", f"{name = !r}", f"{x+1=}", f"{items[1]=}")
width = 12
print(f"{'left':<{width}}|{'right':>{width}}|{'mid':^{width}}|")
print(f"{x:#x} {x:#o} {x:#b} {x:08b} {-x:+} {255:X} {1234567:,} {0.5:%}")
print(f"{'nested ' + f'{x}'}", f"{3 if x else 4}", f"{(lambda v: v * 2)(4)}", f"{x!r:>4}")
val = f"""multi
line {x}
"""
print(repr(val), f"a" f"b{x}" "c")
class C:
    def __format__(self, spec):
        return "C<" + spec + ">"
    def __repr__(self):
        return "C()"
    def __str__(self):
        return "C-str"
print(f"{C()} {C():abc} {C()!r} {C()!s:>8}")
print(f"{None} {True:>6} {2 ** 70} {-0.0} {1e16} {'é'*3}")
