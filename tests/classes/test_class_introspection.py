# Covers type(), isinstance/issubclass with tuples, __class__, __name__, __dict__, dir() and vars() on classes.
class A:
    cls_attr = 1
    def method(self):
        pass
class B(A):
    other = 2
b = B()
b.inst = 3
print(type(b) is B, type(b).__name__, b.__class__.__name__, type(B).__name__, type(type).__name__)
print(isinstance(b, (int, str)), isinstance(b, (int, A)), issubclass(B, (str, A)), issubclass(B, ()))
print(sorted(k for k in B.__dict__ if not k.startswith("__")), sorted(k for k in A.__dict__ if not k.startswith("__")))
print([n for n in dir(b) if not n.startswith("__")], vars(b), b.__dict__ is vars(b))
print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(()).__name__,
      type(set()).__name__, type(None).__name__, type(len).__name__, type(b.method).__name__, type(B.method).__name__,
      type(range(1)).__name__, type(iter([])).__name__, type(x for x in []).__name__, type(1.0).__name__,
      type(b"").__name__, type(True).__name__, type(frozenset()).__name__, type(slice(1)).__name__)
print(isinstance(int, type), isinstance(b, object), isinstance(A, object), issubclass(type, object))
print(type(3)(4.7), type("x")(5), type([])("ab"), type(b)().other)
try:
    isinstance(b, 5)
except TypeError as e:
    print(type(e).__name__)
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)
obj = object()
try:
    obj.x = 1
except AttributeError as e:
    print(type(e).__name__)
print(type(obj).__name__, isinstance(obj, object), object.__name__)
B.added_later = "late"
print(b.added_later, hasattr(A, "added_later"))
