# sys._getframe([depth]): the caller's frame and those below it (f_back chain, f_code,
# f_lineno, f_globals, f_locals), ValueError past the bottom of the stack, argument errors.
import sys

f = sys._getframe()
print(type(f).__name__, f.f_code.co_name, f.f_lineno, f.f_globals is globals(), f.f_back)
print(sys._getframe(0).f_code is f.f_code, sys._getframe(-3).f_code.co_name)

def outer():
    x = 10
    return inner()

def inner():
    y = "local"
    frame = sys._getframe()
    caller = sys._getframe(1)
    top = sys._getframe(2)
    print(frame.f_code.co_name, caller.f_code.co_name, top.f_code.co_name)
    print(frame.f_back is caller, caller.f_back is top, top.f_back)
    print(sorted(frame.f_locals), caller.f_locals["x"], frame.f_locals["y"])
    print(frame.f_lineno, caller.f_lineno)
    names = []
    g = frame
    while g is not None:
        names.append(g.f_code.co_name)
        g = g.f_back
    print(names)
    try:
        sys._getframe(3)
    except ValueError as e:
        print("ValueError", e)
    return "done"

print(outer())

def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name
print(list(gen()))

class C:
    print("class body:", sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name)


def callers_name():
    return sys._getframe(1).f_globals["__name__"]
print(callers_name())

for args in [(100,), ("x",), (1.5,), (2 ** 70,), (1, 2)]:
    try:
        sys._getframe(*args)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys._getframe(depth=0)
except TypeError as e:
    print("TypeError", e)
