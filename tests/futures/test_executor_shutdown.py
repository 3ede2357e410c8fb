# ThreadPoolExecutor.shutdown: wait=True joins, wait=False returns, cancel_futures, queued work still runs, workers exit.
import threading
from concurrent.futures import ThreadPoolExecutor, wait

# shutdown(wait=True) returns after every submitted call ran.
ex = ThreadPoolExecutor(max_workers=3)
out = []
lock = threading.Lock()


def work(i):
    with lock:
        out.append(i)


for i in range(30):
    ex.submit(work, i)
ex.shutdown(wait=True)
print('all ran', sorted(out) == list(range(30)))
print('workers alive', any(t.is_alive() for t in ex._threads), 1 <= len(ex._threads) <= 3)

# shutdown(wait=False) returns at once; the queued calls still run.
ex = ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
started = threading.Event()


def gated(x):
    started.set()
    gate.wait()
    return x


fs = [ex.submit(gated, i) for i in range(4)]
started.wait()
ex.shutdown(wait=False)
print('after shutdown(wait=False)', [f.done() for f in fs])
try:
    ex.submit(gated, 99)
except RuntimeError as e:
    print('submit:', e)
gate.set()
print('queued work ran', [f.result(timeout=30) for f in fs])
for t in ex._threads:
    t.join()
print('workers exited', [t.is_alive() for t in ex._threads])

# cancel_futures=True cancels what has not started; the running call finishes.
ex = ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
started = threading.Event()
first = ex.submit(gated, 'first')
started.wait()
rest = [ex.submit(gated, i) for i in range(5)]
ex.shutdown(wait=False, cancel_futures=True)
print('cancelled', [f.cancelled() for f in rest], 'first running', first.running())
gate.set()
print('first result', first.result(timeout=30))
for t in ex._threads:
    t.join()
print('pending never ran', [f.cancelled() for f in rest])
r = wait(rest, timeout=0)
print('wait on never-notified cancellations', len(r.done), len(r.not_done))

# The context manager waits like shutdown(wait=True).
done = []
with ThreadPoolExecutor(max_workers=2) as ex:
    for i in range(10):
        ex.submit(lambda i=i: done.append(i))
print('context manager waited', sorted(done) == list(range(10)))

# An exception inside the with block still shuts the pool down (after its work).
res = []
try:
    with ThreadPoolExecutor(max_workers=2) as ex:
        f = ex.submit(lambda: res.append('ran') or 'value')
        raise KeyError('inside')
except KeyError as e:
    print('propagated', e, res, f.result())
try:
    ex.submit(print, 'never')
except RuntimeError as e:
    print('after with:', e)

# Many pools, each shut down.
total = [0]


def add(n):
    with lock:
        total[0] += n


for k in range(10):
    with ThreadPoolExecutor(max_workers=2) as ex:
        for i in range(10):
            ex.submit(add, i)
print('total', total[0])

# Work left in a pool that is never shut down still runs before exit.
leftover = ThreadPoolExecutor(max_workers=1)
f = leftover.submit(pow, 3, 4)
print('leftover', f.result(timeout=30))
