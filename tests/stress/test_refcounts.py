# Reference counts of objects shared between threads: many threads take and
# drop references to one object (through locals, containers, attributes and
# function calls); it survives while referenced and is freed exactly once at
# the end. Objects replaced in shared containers while others read them are
# each freed exactly once too.
import gc
import sys
import threading

sys.setswitchinterval(1e-5)
N = 8
K = 20000
deaths = []
deaths_lock = threading.Lock()


class Tracked:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        with deaths_lock:
            deaths.append(self.tag)


def run(target, n=N):
    barrier = threading.Barrier(n)
    threads = [threading.Thread(target=target, args=(t, barrier)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


# 1. One object, references taken and dropped everywhere at once.
obj = Tracked("shared")
holder = {"obj": obj}
slots = [obj] * 16


class Box:
    pass


box = Box()
box.obj = obj


def identity(x):
    return x


def hammer(t, barrier):
    barrier.wait()
    mine = []
    for i in range(K):
        a = holder["obj"]
        b = slots[i % 16]
        c = box.obj
        mine.append(identity(a))
        if len(mine) > 32:
            mine.clear()
        slots[(i + t) % 16] = b
        holder["obj"] = c
        if a is not obj or b is not obj or c is not obj:
            raise AssertionError("wrong object")
    del a, b, c, mine


run(hammer)
assert deaths == [], deaths
assert obj.tag == "shared"
del holder["obj"], box.obj
slots.clear()
assert deaths == []
del obj
# Threads kept loading `obj` from this module's globals, so weft made it a
# shared deferred object (runtime/deferred.h): it is freed by the deferred
# sweep rather than the moment its last reference goes (CPython frees it here
# already; the collection is harmless there).
gc.collect()
assert deaths == ["shared"], deaths
print("shared object freed once ok")

# 2. Objects replaced in shared slots while readers take references to them.
deaths.clear()
table = [Tracked(("init", i)) for i in range(64)]
d = {i: Tracked(("dinit", i)) for i in range(64)}
created = [0] * N
bad = []


def replacer(t, barrier):
    barrier.wait()
    for i in range(K // 2):
        j = (i * 7 + t) % 64
        if t % 2:
            table[j] = Tracked((t, i))
            d[j] = Tracked((t, -i - 1))
            created[t] += 2
        else:
            x = table[j]
            y = d.get(j)
            if not isinstance(x, Tracked) or not isinstance(y, Tracked):
                bad.append((x, y))
            _ = (x.tag, y.tag)


run(replacer)
assert not bad, bad[:3]
total = 128 + sum(created)
alive = len(table) + len(d)
assert len(deaths) == total - alive, (len(deaths), total, alive)
table.clear()
d.clear()
assert len(deaths) == total, (len(deaths), total)
assert len(set(map(repr, deaths))) == total  # each one exactly once
print("replaced objects freed once ok")

# 3. Objects handed from thread to thread through a shared list (popped and
#    dropped by a thread other than the one that created them).
deaths.clear()
queue = []
qlock = threading.Lock()
done_producing = threading.Event()
consumed = [0] * N


def producer(t, barrier):
    barrier.wait()
    for i in range(K // 4):
        queue.append(Tracked(("q", t, i)))


def consumer(t, barrier):
    barrier.wait()
    while True:
        try:
            item = queue.pop()
        except IndexError:
            if done_producing.is_set() and not queue:
                break
            continue
        consumed[t] += 1
        del item


barrier = threading.Barrier(N)
producers = [threading.Thread(target=producer, args=(t, barrier)) for t in range(N // 2)]
consumers = [threading.Thread(target=consumer, args=(t, barrier)) for t in range(N // 2, N)]
for th in producers + consumers:
    th.start()
for th in producers:
    th.join()
done_producing.set()
for th in consumers:
    th.join()
made = (N // 2) * (K // 4)
assert sum(consumed) == made, sum(consumed)
assert len(deaths) == made, (len(deaths), made)
print("handed-over objects freed once ok")
