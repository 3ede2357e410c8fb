# Covers __cause__, __context__, __suppress_context__, raise from, raise from None, nested handlers.
def show(e):
    print(type(e).__name__, repr(str(e)),
          "cause=" + (type(e.__cause__).__name__ if e.__cause__ else "None"),
          "context=" + (type(e.__context__).__name__ if e.__context__ else "None"),
          "suppress=" + str(e.__suppress_context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)
    print(e.__context__.args)
try:
    try:
        {}["k"]
    except KeyError as ke:
        raise RuntimeError("explicit") from ke
except RuntimeError as e:
    show(e)
    print(e.__cause__ is e.__context__, repr(e.__cause__))
try:
    try:
        int("x")
    except ValueError:
        raise TypeError("hidden") from None
except TypeError as e:
    show(e)
    print(type(e.__context__).__name__)
try:
    raise IndexError("direct") from KeyError("separate")
except IndexError as e:
    show(e)
e = ValueError("plain")
show(e)
try:
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise IndexError("b")
    except IndexError:
        raise ValueError("c")
except ValueError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__)
        cur = cur.__context__
    print(chain)
try:
    try:
        raise OSError("inner")
    finally:
        print("finally runs")
except OSError as e:
    show(e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
err = RuntimeError("manual")
err.__cause__ = KeyError("set by hand")
print(err.__suppress_context__, repr(err.__cause__))
try:
    raise ValueError("v") from ZeroDivisionError
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
