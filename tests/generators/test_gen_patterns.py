# Covers common generator idioms: pipelines, infinite generators with limits, generators in builtins.
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squared(src):
    for x in src:
        yield x * x
def limit(src, n):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x
print(list(limit(squared(evens(numbers())), 6)))
def window(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window(range(6), 3)))
def batched(seq, n):
    batch = []
    for x in seq:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched("abcdefg", 3)))
print(sorted(squared(range(5)), reverse=True), max(evens(range(9))), dict(zip(limit(numbers(), 3), "abc")))
print(list(map(lambda v: -v, limit(numbers(), 4))), list(filter(None, limit(numbers(), 4))))
print(list(enumerate(limit(numbers(), 3), start=10)), "-".join(str(x) for x in limit(numbers(), 5)))
def gen_state():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = gen_state()
print("created")
for v in g:
    print("value", v)
def counter_gen():
    count = 0
    while True:
        cmd = yield count
        if cmd == "reset":
            count = 0
        else:
            count += 1
cg = counter_gen()
print(next(cg), next(cg), next(cg), cg.send("reset"), next(cg))
print(any(x > 100 for x in numbers()), all(x < 5 for x in numbers()))
def gen_len():
    yield 1
try:
    len(gen_len())
except TypeError as e:
    print(type(e).__name__, e)
try:
    gen_len()[0]
except TypeError as e:
    print(type(e).__name__, e)
