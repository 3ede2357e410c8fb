# Covers complex basics: literals, constructor and string parsing, arithmetic, repr, abs, equality, hash.
vals = [1j, 2 + 3j, -1.5 - 0.5j, complex(0, 0), complex(-0.0, 0), complex(1, -0.0), complex(-0.0, -0.0), 1e20j,
        complex(float("inf"), float("nan")), complex(3, 4)]
for z in vals:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), bool(z), -z, +z)
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, a ** b, 2 ** a, a + 1, 1 - a, a * 2.5, a / 2)
print(abs(3 + 4j), abs(-2j), (1j) ** 2, (2 + 0j) ** -1, (1 + 1j) ** 10, (0j) ** 0, pow(2j, 3))
print(a == 1 + 2j, a != b, (1 + 0j) == 1, (1 + 0j) == 1.0, 2j == 2, hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5))
print(complex("1+2j"), complex(" ( 1-2J ) "), complex("j"), complex("-j"), complex("1+j"), complex("inf-infj"),
      complex("1_0j"), complex(1 + 2j, 3 + 4j), complex("nanj"), complex(2), complex(2.5, 1), complex(real=1, imag=2))
for s in ("", "1+", "(1", "x", "1e", "1 + 2j", "1+2jj"):
    try:
        complex(s)
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
for bad in (lambda: complex("1", 2), lambda: complex(1, "2"), lambda: complex(None), lambda: complex(1, None),
            lambda: (1 + 2j) / 0, lambda: 0j ** -1, lambda: pow(1j, 2, 3), lambda: (1 + 2j) < (2 + 3j),
            lambda: (1j) // 1, lambda: (1j) % 1, lambda: (-8.0) ** 0.5 + 1):
    try:
        print(bad())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print((-8.0) ** 0.5, (-1) ** 0.5, format(1 + 2j), format(1 + 2j, ""), isinstance(1j, complex), type(1j).__name__)

class C:
    def __complex__(self):
        return 5j
print(complex(C()), {1j: "a"}[1j], sum([1j, 2, 3.5]))
