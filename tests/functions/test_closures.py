# Covers closures: captured variables, late binding in loops, counters with nonlocal, closures over params.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(0))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc()
print(inc(), get())
inc2, get2 = counter()
print(inc2(), get())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def accumulate():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
acc = accumulate()
acc(1)
print(acc(2))
def compose(*fns):
    def run(v):
        for fn in reversed(fns):
            v = fn(v)
        return v
    return run
print(compose(str, lambda v: v * 2, abs)(-21))
def shadow():
    y = 1
    def inner():
        y = 2
        return y
    return inner(), y
print(shadow())
def unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 1
    return inner()
print(unbound())
