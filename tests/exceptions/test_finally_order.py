# Covers try/except/else/finally ordering in every combination, incl. return/break/continue in finally.
log = []
def run(raise_kind):
    log.clear()
    try:
        log.append("try")
        if raise_kind == "value":
            raise ValueError("v")
        if raise_kind == "key":
            raise KeyError("k")
        log.append("try-end")
    except ValueError:
        log.append("except-value")
    except (KeyError, IndexError) as e:
        log.append("except-lookup:" + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return list(log)
for kind in (None, "value", "key"):
    print(kind, run(kind))
def ret_in_try():
    try:
        return "try"
    finally:
        print("finally before return")
print(ret_in_try())
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def swallow():
    try:
        raise ValueError("swallowed by return in finally")
    finally:
        return "finally-return"
print(swallow())
def ret_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(ret_value_evaluated_first())
def loop_control():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_control())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke at %d" % i
print(break_in_finally())
def nested():
    out = []
    try:
        try:
            out.append("inner try")
            raise KeyError("x")
        finally:
            out.append("inner finally")
    except KeyError:
        out.append("outer except")
    finally:
        out.append("outer finally")
    return out
print(nested())
def except_then_finally_raise():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print("handled zde")
            raise ValueError("from handler")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer", e)
except_then_finally_raise()
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
for v in gen_finally():
    print("got", v)
    break
print("done")
