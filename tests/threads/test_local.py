# threading.local / _thread._local: per-thread attributes, __dict__, subclasses with __init__ replayed per thread, cleanup at thread exit.
import _thread
import threading

print(threading.local is _thread._local, type(threading.local()).__name__)
data = threading.local()
data.x = 1
data.items = [1, 2]
print(data.x, data.items, sorted(data.__dict__))

seen = {}
lock = threading.Lock()
def worker(i):
    before = hasattr(data, "x")
    data.x = i
    data.y = i * 10
    for _ in range(100):
        data.x += 1
    with lock:
        seen[i] = (before, data.x, data.y, sorted(data.__dict__))
ts = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()))
print("main unchanged:", data.x, hasattr(data, "y"))

# attribute errors and __dict__ rules
try:
    data.missing
except AttributeError as e:
    print("AttributeError", e)
del data.x
try:
    del data.x
except AttributeError as e:
    print("AttributeError", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
data.__dict__["z"] = 5
print(data.z)
try:
    threading.local(1, k=2)
except TypeError as e:
    print("TypeError", e)

# a subclass: __init__ runs again (with the same arguments) in each thread
log = []
class Counter(threading.local):
    kind = "class attribute"
    def __init__(self, start, step=1):
        log.append(("init", start, step, threading.current_thread().name))
        self.value = start
        self.step = step
    def bump(self):
        self.value += self.step
        return self.value
    @property
    def double(self):
        return self.value * 2

c = Counter(10, step=5)
print(c.bump(), c.double, c.kind)
def use():
    log.append(("thread sees", c.value, c.bump(), c.double))
t = threading.Thread(target=use, name="T1")
t.start()
t.join()
print(log)
print("main still", c.value)
c.kind = "instance"
print(c.kind, Counter.kind)
t = threading.Thread(target=lambda: log.append(c.kind), name="T2")
t.start()
t.join()
print(log[-1])

# __init__ failing in a thread propagates there, and is retried next access
class Picky(threading.local):
    tries = 0
    def __init__(self):
        if threading.current_thread() is not threading.main_thread():
            Picky.tries += 1
            if Picky.tries == 1:
                raise ValueError("first init fails")
        self.ok = True
p = Picky()
res = []
def picky():
    try:
        p.ok
    except ValueError as e:
        res.append(str(e))
    res.append(p.ok)
t = threading.Thread(target=picky)
t.start()
t.join()
print(res, Picky.tries)

# values stored by a thread are released when the thread exits
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("released", self.name)
local = threading.local()
def keep():
    local.obj = Noisy("thread value")
t = threading.Thread(target=keep)
t.start()
t.join()
print("joined")
local.obj = Noisy("main value")
del local
print("local deleted")
