# Covers generator functions: yield, iteration, state across calls, return ending iteration, StopIteration.value.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)), type(count(1)).__name__)
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
def with_return():
    yield 1
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def lines():
    yield "first"
    print("between yields")
    yield "second"
for line in lines():
    print(line)
def empty():
    return
    yield
print(list(empty()))
def gen_with_locals(data):
    total = 0
    for x in data:
        total += x
        yield total
print(list(gen_with_locals([1, 2, 3, 4])))
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
print(take(5, fib()), take(3, count(100)))
g1, g2 = count(3), count(3)
print(list(zip(g1, g2)))
def nested_gen():
    for i in range(3):
        for j in range(i):
            yield (i, j)
print(list(nested_gen()))
def raising():
    yield 1
    raise ValueError("inside generator")
g = raising()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
print(next(g, "exhausted after error"))
def gen_stopiter():
    yield 1
    raise StopIteration("converted")
try:
    list(gen_stopiter())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
