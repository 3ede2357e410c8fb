# Covers type() one-arg form, type comparisons, object base class, and isinstance/issubclass with builtins.
values = [1, 1.5, "s", b"b", [1], (1,), {1: 1}, {1}, frozenset(), None, True, range(1), len, object()]
for v in values:
    t = type(v)
    print(t.__name__, t is type(v), isinstance(v, t), issubclass(t, object))
print(type(int) is type, type(type) is type, isinstance(type, object), isinstance(object, type))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, int)), issubclass(KeyError, LookupError))
print(isinstance(1, (str, (list, int))), isinstance(None, type(None)), type(None)() is None)
print(int.__name__, str.__qualname__, object.__name__, type.__name__, bool.__bases__ == (int,))
print(type(5) == int, type(5) != float, type([]) in (list, tuple), str(type(5)), repr(type("s")))
