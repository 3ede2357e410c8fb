# Covers exception args, str(), repr() for zero/one/many args, KeyError str quirk, attribute assignment.
cases = [Exception(), Exception("msg"), Exception("a", 2), Exception(None), ValueError(3.5), KeyError("key"),
         KeyError(), KeyError("a", "b"), IndexError(0), TypeError("t"), RuntimeError(["list"]),
         StopIteration(42), SystemExit(2), SystemExit(), AssertionError("x"), NotImplementedError(),
         OSError("os msg"), UnicodeError("u"), BaseException("base"), ZeroDivisionError(""), ArithmeticError("")]
for e in cases:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = ValueError("first")
e.args = ("changed", 1)
print(e, repr(e), e.args)
e.extra = "custom attr"
print(e.extra)
print(StopIteration(7).value, StopIteration().value, SystemExit(5).code, SystemExit().code, SystemExit("s").code)
class Custom(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
c = Custom(404, "not found")
print(c, repr(c), c.args, c.code)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b
n = NoSuper(1, 2)
print(repr(str(n)), n.args, n.a)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(WithStr("ignored"), repr(WithStr("shown in repr")))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
