# Covers function attributes: __name__, __qualname__, __doc__, __defaults__, __module__, custom attrs.
def plain():
    "A one-line docstring."
    return 1
def nodoc():
    return 2
class K:
    def meth(self):
        "Method doc."
    def outer(self):
        def inner():
            pass
        return inner
print(plain.__name__, plain.__qualname__, plain.__doc__, nodoc.__doc__, plain.__module__)
print(K.meth.__name__, K.meth.__qualname__, K.meth.__doc__, K().outer().__qualname__)
def outer_fn():
    def inner_fn():
        pass
    return inner_fn
print(outer_fn().__name__, outer_fn().__qualname__)
plain.tag = "custom"
print(plain.tag, getattr(plain, "tag"), hasattr(plain, "nope"), plain.__dict__)
def with_defaults(a, b=1, *c, d=2, **e):
    pass
print(with_defaults.__defaults__, with_defaults.__kwdefaults__)
print(type(plain).__name__, type(K.meth).__name__, type(K().meth).__name__, callable(plain))
plain.__doc__ = "changed"
print(plain.__doc__)
print(K.__name__, K.__qualname__, K.__doc__, len.__name__, print.__name__)
