# Covers center/ljust/rjust/zfill/expandtabs and str repetition.
for s in ["", "a", "ab", "abc", "hello", "-42", "+7", "3.14"]:
    print(repr(s.center(7)), repr(s.center(8, "*")), repr(s.ljust(6, ".")), repr(s.rjust(6)),
          repr(s.zfill(6)), repr(s.center(2)))
for t in ["a\tb", "\t", "ab\tcd\tef", "12345678\tx", "a\nb\tc", "\t\t|"]:
    print(repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(1)), repr(t.expandtabs(0)))
print("ab" * 3, 3 * "-", "x" * 0, "x" * -2, repr("" * 100), ["ab"] * 2)
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * "b"
except TypeError as e:
    print(type(e).__name__, e)
