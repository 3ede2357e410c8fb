# Covers generator send/throw/close, yield from delegation of throw/close, gi_running, PEP 479, generator attributes.
import sys
def gen():
    try:
        x = yield 1
        print("got", x)
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("finally")
g = gen()
print(next(g))
print(g.send("a"))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("stop")
g = gen(); next(g); g.close(); print(g.gi_frame, g.gi_running)
def inner():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "inner caught"
    return "inner ret"
def outer():
    r = yield from inner()
    print("r =", r)
    yield "after"
g = outer()
print(next(g), g.throw(KeyError), next(g), next(g, "end"))
g = outer(); next(g); g.close(); print("closed")
def running():
    print(g2.gi_running)
    try:
        next(g2)
    except ValueError as e:
        print("ValueError:", e)
    yield 1
g2 = running(); next(g2)
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
g = gen()
try:
    g.send(5)
except TypeError as e:
    print(e)
print(type(g.gi_code).__name__, g.gi_code.co_name, g.__name__, g.__qualname__)
def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = ignore(); next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
def genexit():
    try:
        yield
    finally:
        print("cleanup")
g = genexit(); next(g); del g
print("after del")
def sub():
    x = yield
    return x * 2
def deleg():
    v = yield from sub()
    return v
d = deleg(); next(d)
try:
    d.send(21)
except StopIteration as e:
    print("value", e.value)
gi = (x*x for x in range(4))
print(list(gi), list(gi))
def throw_new():
    yield 1
g = throw_new(); next(g)
try:
    g.throw(TypeError, "msg")
except TypeError as e:
    print("TE", e)
print(g.gi_frame)
