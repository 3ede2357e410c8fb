# Compiler control flow: finally on every exit path, with-statements, loops with else, nested unwinding.
log = []
class CM:
    def __init__(self, n, suppress=False):
        self.n = n
        self.suppress = suppress
    def __enter__(self):
        log.append(("enter", self.n))
        return self.n
    def __exit__(self, t, v, tb):
        log.append(("exit", self.n, t.__name__ if t else None))
        return self.suppress
def t1():
    for i in range(4):
        try:
            with CM(i) as v:
                try:
                    if v == 0:
                        continue
                    if v == 1:
                        raise KeyError(v)
                    if v == 2:
                        return "ret2"
                finally:
                    log.append(("fin-in", v))
        except KeyError as e:
            log.append(("caught", e.args))
        finally:
            log.append(("fin-out", i))
    return "end"
print(t1())
print(log)
log.clear()
def t2():
    while True:
        try:
            try:
                return "inner"
            finally:
                log.append("f1")
                break
        finally:
            log.append("f2")
    return "after loop"
print(t2(), log)
log.clear()
def t3(n):
    result = []
    for i in range(n):
        for j in range(n):
            try:
                if j == 1:
                    continue
                if i == 2:
                    break
                result.append((i, j))
            finally:
                result.append("f")
        else:
            result.append("else")
    return result
print(t3(3))
def t4():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b")
        finally:
            log.append("fin")
    except TypeError as e:
        return repr(e), repr(e.__context__)
print(t4(), log)
log.clear()
def t5():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
        log.append(x)
print(t5(), log)
log.clear()
def t6():
    for i in range(3):
        with CM(i):
            with CM(i * 10):
                if i == 1:
                    break
    return log[:]
print(t6())
log.clear()
def t7():
    try:
        return 1
    finally:
        try:
            raise ValueError
        except ValueError:
            log.append("handled in finally")
print(t7(), log)
log.clear()
def t8(items):
    out = []
    it = iter(items)
    while (x := next(it, None)) is not None:
        if x % 2:
            continue
        out.append(x)
    return out
print(t8([1, 2, 3, 4, 6]))
def t9():
    try:
        return "try"
    finally:
        return "finally wins"
print(t9())
with CM("a") as a, CM("b", True) as b:
    log.append("body")
    raise RuntimeError("x")
print("after with", log)
log.clear()
def t10():
    with CM("r"):
        return "from with"
print(t10(), log)
log.clear()
def t11():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 1:
                continue
            log.append(("caught", e.args))
        finally:
            log.append(("f", i))
    try:
        e
    except NameError:
        log.append("e deleted")
print(t11(), log)
log.clear()
def t12(n):
    while n > 0:
        n -= 1
        if n == 5:
            break
    else:
        return "no break"
    return "broke"
print(t12(3), t12(10))
def t13(v):
    return "a" if v > 0 and v < 10 or v == -1 else "b" if not v else "c"
print([t13(v) for v in (-1, 0, 5, 20)])
def t14(a, b, c):
    return a < b < c, a == b != c, a is None, b is not None, a in (1, 2), b not in [3, 4]
print(t14(1, 2, 3), t14(3, 2, 1))
