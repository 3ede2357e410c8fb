# Many threads update shared state under a Lock / RLock / Condition: every update counted exactly once.
import threading

N_THREADS = 8
N_ITER = 2000

counter = 0
lock = threading.Lock()
def add():
    global counter
    for _ in range(N_ITER):
        with lock:
            counter += 1
ts = [threading.Thread(target=add) for _ in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("Lock:", counter, counter == N_THREADS * N_ITER)

totals = {"a": 0, "b": 0}
rlock = threading.RLock()
def transfer():
    for _ in range(N_ITER):
        with rlock:
            with rlock:
                totals["a"] += 1
            totals["b"] -= 1
ts = [threading.Thread(target=transfer) for _ in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("RLock:", totals, totals["a"] + totals["b"])

# a bounded buffer built from a Condition: every item produced is consumed once
buf = []
cond = threading.Condition()
consumed = []
LIMIT = 4
def producer(base):
    for i in range(500):
        with cond:
            while len(buf) >= LIMIT:
                cond.wait()
            buf.append(base + i)
            cond.notify_all()
def consumer(n):
    got = []
    for _ in range(n):
        with cond:
            while not buf:
                cond.wait()
            got.append(buf.pop(0))
            cond.notify_all()
    with cond:
        consumed.extend(got)
producers = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(4)]
consumers = [threading.Thread(target=consumer, args=(500,)) for _ in range(4)]
for t in producers + consumers:
    t.start()
for t in producers + consumers:
    t.join()
print("Condition:", len(consumed), sorted(consumed) == sorted(k * 1000 + i for k in range(4) for i in range(500)))
