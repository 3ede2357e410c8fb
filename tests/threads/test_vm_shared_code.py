# Covers threads running the same code at once: a shared generator (resumed
# by several threads: "generator already executing" instead of corruption),
# polymorphic attribute loads whose inline caches are specialized and
# deoptimized concurrently (a class attribute is reassigned meanwhile), and a
# global rebound while other threads read it.
import threading

N = 4
ROUNDS = 20000
lock = threading.Lock()
done = []

def gen():
    i = 0
    while True:
        yield i
        i += 1

shared = gen()
errors = [0] * N
counts = [0] * N
G = 1

class A:
    x = 1
    def m(self): return 1

class B:
    def __init__(self): self.x = 2
    def m(self): return 2

class C:
    __slots__ = ("x",)
    def __init__(self): self.x = 3
    def m(self): return 3

def poly(o):
    return o.x + o.m()

def worker(i):
    global G
    objs = [A(), B(), C()]
    s = 0
    for k in range(ROUNDS):
        try:
            next(shared)
            counts[i] += 1
        except ValueError as e:
            assert str(e) == "generator already executing", e
            errors[i] += 1
        s += poly(objs[k % 3]) + G
        if k % 997 == 0:
            G = 1
            A.x = 1
    with lock:
        done.append(s)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done))
print(sum(counts) + sum(errors) == N * ROUNDS)
print(next(shared) == sum(counts))
