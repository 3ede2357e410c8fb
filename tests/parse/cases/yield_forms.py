def g():
    yield
    yield x
    yield x, y
    yield *a, b
    yield from g()
    x = yield
    x = yield y
    f((yield))
    f((yield x))
    z = [(yield)]
