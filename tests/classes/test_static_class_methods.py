# Covers staticmethod and classmethod: calls via class and instance, alternative constructors, inheritance.
class Temp:
    unit = "C"
    def __init__(self, deg):
        self.deg = deg
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit
    def __repr__(self):
        return "%s(%.1f)" % (type(self).__name__, self.deg)
print(Temp.c_to_f(100), Temp(0).c_to_f(37), Temp.from_f(212), Temp(1).from_f(32), Temp.describe(), Temp(5).describe())
class Kelvin(Temp):
    unit = "K"
print(Kelvin.from_f(32), Kelvin.describe(), type(Kelvin.from_f(50)).__name__)
class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return len(cls.items)
print(Registry.add("a"), Registry().add("b"), Registry.items)
sm = staticmethod(len)
class Holder:
    length = sm
    @staticmethod
    def noargs():
        return "no args"
print(Holder.length([1, 2]), Holder().length("abc"), Holder.noargs(), Holder().noargs())
def plain(cls_or_self):
    return cls_or_self
class Wrap:
    cm = classmethod(plain)
    st = staticmethod(plain)
print(Wrap.cm() is Wrap, Wrap().cm() is Wrap, Wrap.st(7))
