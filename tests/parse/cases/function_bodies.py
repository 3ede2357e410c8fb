def f():
    '''doc'''
    x = 1
    return x
def g():
    return
def h():
    return 1, 2
def k():
    return *a, b
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    await_ = (yield)
