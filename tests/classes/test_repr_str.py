# Covers __repr__ and __str__: print, str(), repr(), in containers, fallbacks, f-string conversions.
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "Both(str)"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "OnlyStr-str"
b, r, s = Both(), OnlyRepr(), OnlyStr()
print(b, r, s)
print(str(b), repr(b), str(r), repr(r), str(s))
print([b, r], (b,), {"k": r}, "%s %r" % (b, b), "{} {!r}".format(b, b), f"{b} {b!r} {r}")
print(repr(s).startswith("<__main__.OnlyStr object at "), repr(s).endswith(">"))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class Nested:
    def __init__(self, items):
        self.items = items
    def __repr__(self):
        return "Nested(" + repr(self.items) + ")"
print(Nested([1, "a", Nested([])]))
class Sub(Both):
    pass
print(Sub(), repr(Sub()))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
    def __format__(self, spec):
        return format(str(self), spec)
print(Money(1234), f"{Money(5):>8}|", "{:<8}|".format(Money(100)))
