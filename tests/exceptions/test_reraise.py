# Covers bare raise, re-raising caught exceptions, raising in except/else/finally, and exception replacement.
def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        print("handling")
        raise
try:
    reraise()
except ValueError as e:
    print("outer got", e)
def reraise_var():
    try:
        int("nope")
    except ValueError as e:
        err = e
    raise err
try:
    reraise_var()
except ValueError as e:
    print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
def nested_reraise():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise IndexError("second")
        except IndexError:
            pass
        raise
try:
    nested_reraise()
except Exception as e:
    print(type(e).__name__, e)
def raise_in_else():
    try:
        pass
    except Exception:
        print("not here")
    else:
        raise TypeError("from else")
try:
    raise_in_else()
except TypeError as e:
    print(type(e).__name__, e, e.__context__)
def replace_in_finally():
    try:
        raise ValueError("lost")
    finally:
        raise KeyError("wins")
try:
    replace_in_finally()
except KeyError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
def handler_raises():
    try:
        raise ValueError("a")
    except ValueError as e:
        raise TypeError("b") from e
try:
    handler_raises()
except TypeError as e:
    print(repr(e), repr(e.__cause__))
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
        print("iteration", i)
    except ValueError as e:
        print("skip", e)
        continue
    finally:
        print("finally", i)
