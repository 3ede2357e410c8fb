# Covers exceptions raised inside __exit__ and __enter__, and how they replace or chain with body errors.
class Boom:
    def __init__(self, where):
        self.where = where
    def __enter__(self):
        if self.where == "enter":
            raise RuntimeError("enter failed")
        return self
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__ if et else None)
        if self.where == "exit":
            raise KeyError("exit failed")
        return False
for where in ("enter", "exit", "none"):
    try:
        with Boom(where):
            print("body runs for", where)
            raise ValueError("body failed")
    except Exception as e:
        print(where, "->", type(e).__name__, e, "| context:", type(e.__context__).__name__ if e.__context__ else None)
try:
    with Boom("exit"):
        print("clean body")
except KeyError as e:
    print("clean body but exit raised", e, e.__context__)
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(ValueError, KeyError):
    raise KeyError("suppressed")
print("after suppress")
try:
    with Suppress(ValueError):
        raise TypeError("not suppressed")
except TypeError as e:
    print(type(e).__name__, e)
def inside_function():
    with Suppress(ZeroDivisionError):
        1 / 0
        print("unreached")
    return "function continued"
print(inside_function())
