# Compiler scoping: globals/nonlocal/closures/cells, class scopes, comprehension scopes, walrus targets.
x = "global"
def f():
    x = "local f"
    def g():
        return x
    return g()
print(f())
def h():
    global x
    x = "changed"
h()
print(x)
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
c()
c(5)
print(c())
class A:
    y = 1
    def m(self):
        return A.y
print(A().m())
def cls_free():
    v = 10
    class B:
        w = v + 1
        def get(self):
            return v
    return B
B = cls_free()
print(B.w, B().get())
def shadow():
    v = 1
    class K:
        v = 2
        def m(self):
            return v
    return K().m(), K.v
print(shadow())
print([(lambda k=i: k)() for i in range(3)])
fs = [lambda: i for i in range(3)]
print([fn() for fn in fs])
def walrus():
    data = [1, 2, 3, 4]
    if any((hit := d) > 2 for d in data):
        return hit
print(walrus())
print([y := 5, y ** 2])
def unbound():
    try:
        print(zz)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    zz = 1
    return zz
unbound()
def deleted():
    a = 1
    del a
    try:
        a
    except NameError as e:
        print(type(e).__name__, e)
deleted()
def maybe_unbound(flag):
    if flag:
        v = "set"
    try:
        return v
    except UnboundLocalError:
        return "unbound"
print(maybe_unbound(True), maybe_unbound(False))
def loop_unbound():
    out = []
    for i in range(3):
        if i == 1:
            del i
            try:
                out.append(i)
            except UnboundLocalError:
                out.append("gone")
        else:
            out.append(i)
    return out
print(loop_unbound())
class M:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    total = sum(items)
print(M.doubled, M.total)
g = 10
class G:
    g = 20
    y = [g for _ in range(1)]
print(G.y)
def nested_comp():
    m = 3
    return [[x * m + y for y in range(2)] for x in range(2)], {k: m for k in "ab"}
print(nested_comp())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            def l3():
                return a + b
            return l3()
        return l2()
    return l1()
print(deep())
def arg_cell(p):
    def inner():
        return p * 2
    p += 1
    return inner()
print(arg_cell(5))
def glob_in_nested():
    def setter():
        global gvar
        gvar = "set by nested"
    setter()
    return gvar
print(glob_in_nested())
