# Covers try/except forms: multiple handlers, tuple of types, bare except, else-only paths, nested try in loops.
def probe(v):
    try:
        r = 10 / v
    except ZeroDivisionError:
        return "zde"
    except (TypeError, ValueError) as e:
        return "bad type: " + type(e).__name__
    else:
        return "ok %s" % r
for v in (2, 0, "s", 4.0):
    print(probe(v))
try:
    [][0]
except:
    print("bare except caught")
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError catches", type(e).__name__)
def order():
    try:
        raise ValueError("v")
    except Exception:
        return "generic first"
    except ValueError:
        return "never"
print(order())
results = []
for s in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(s))
    except ValueError:
        results.append("V")
    except TypeError:
        results.append("T")
print(results)
def cleanup():
    state = []
    try:
        state.append("open")
        try:
            state.append("work")
            raise IOError("disk")
        except IOError:
            state.append("handled")
            return state
        finally:
            state.append("inner finally")
    finally:
        state.append("outer finally")
print(cleanup())
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("not this")
except TypeError as e:
    print("propagated", e)
try:
    pass
except Exception:
    print("no")
else:
    print("else when no exception")
finally:
    print("finally always")
e_types = (IndexError, KeyError)
try:
    {}["missing"]
except e_types as e:
    print("dynamic tuple", type(e).__name__)
