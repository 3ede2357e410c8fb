# Loads of locals that the compiler turns into uncounted (borrowed) stack
# references must never outlive the local's value: rebinding a local while
# its old value is still on the stack, generators and frames that outlive
# the call that filled their arguments, tracebacks holding frames. Objects
# report their finalization so an early free (or a leak) changes the output.
import sys


class T:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "T(%s)" % self.name

    def __del__(self):
        print("del", self.name)

    def m(self, *args):
        return (self.name,) + tuple(getattr(a, "name", a) for a in args)


def pair(a, b):
    return (a.name, b.name)


def walrus_in_args():
    x = T("w1")
    r = pair(x, (x := T("w2")))  # x rebound while its old value is an argument
    print(r)
    r = x.m((x := T("w3")), 5)  # rebound while it is `self` of a pending call
    print(r)


def match_rebinds():
    x = T("m1")
    match x:
        case T(name="zz"):
            print("no")
        case x:  # the capture rebinds the subject's own local
            print("captured", x.name)
    x = None
    print("after match")


def gen(a, b):
    yield a.name
    yield b.name


def generator_outlives_locals():
    a, b = T("g1"), T("g2")
    g = gen(a, b)
    a = b = None  # the generator keeps its arguments
    print(list(g))


def swap_and_copy():
    a, b = T("s1"), T("s2")
    a, b = b, a
    print(a.name, b.name)
    x = T("c1")
    x.attr = x.name
    y = x
    x = None
    print(y.attr)


def loop_rebinding():
    node = T("n0")
    node.next = T("n1")
    node.next.next = None
    names = []
    while node is not None:
        names.append(node.name)
        node = node.next
    print(names)


def raiser(a):
    raise ValueError(a.name)


def traceback_frame_keeps_argument():
    x = T("tb")
    try:
        raiser(x)
    except ValueError as e:
        err = e
    x = None
    frame = err.__traceback__.tb_next.tb_frame
    print("frame local", frame.f_locals["a"].name)
    del frame, err


def exception_mid_call():
    x = T("e1")
    try:
        pair(x, 1 / 0)
    except ZeroDivisionError:
        x = T("e2")
    print(x.name)


def returned_argument(a):
    b = a
    a = None
    return b


def return_borrowed():
    t = returned_argument(T("r1"))
    print("returned", t.name)


def comprehension_and_closure():
    items = [T("c%d" % i) for i in range(3)]
    names = [t.name for t in items]
    items = None
    print(names)
    v = T("cl")

    def inner():
        return v.name

    print(inner())
    v = None
    print("closure done")


def getframe_locals():
    z = T("f1")
    loc = sys._getframe().f_locals
    z = None
    print("snapshot", loc["z"].name)
    loc = None


for f in (walrus_in_args, match_rebinds, generator_outlives_locals, swap_and_copy, loop_rebinding,
          traceback_frame_keeps_argument, exception_mid_call, return_borrowed, comprehension_and_closure,
          getframe_locals):
    print("--", f.__name__)
    f()
print("end")
