# Covers generator send(), throw(), close(), GeneratorExit handling, and send on a just-started generator.
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in (10, 20, 30, 40)])
g = echo()
try:
    g.send("too early")
except TypeError as e:
    print(type(e).__name__, e)
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("generator caught", e)
            yield "recovered"
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
try:
    c.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(c, "closed after error"))
def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("cleanup")
g = closer()
print(next(g))
g.close()
g.close()
print(next(g, "done"))
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored exit"
g = bad_close()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def never_started():
    print("body never runs")
    yield
g = never_started()
g.close()
print("closed unstarted")
g = never_started()
try:
    g.throw(ValueError("into unstarted"))
except ValueError as e:
    print(type(e).__name__, e)
def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print(type(e).__name__, e)
