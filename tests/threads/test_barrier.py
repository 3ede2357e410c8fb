# threading.Barrier: wait indices, action, parties/n_waiting/broken, timeouts, abort, reset, BrokenBarrierError.
import threading
import time

b = threading.Barrier(3)
print(b.parties, b.n_waiting, b.broken)
print(repr(b).endswith(": waiters=0/3>"))
print(issubclass(threading.BrokenBarrierError, RuntimeError))

# three rounds with three threads; each round hands out indices 0..2 once
actions = []
b = threading.Barrier(3, action=lambda: actions.append("tripped"))
results = []
lock = threading.Lock()
def worker():
    for rnd in range(3):
        i = b.wait()
        with lock:
            results.append((rnd, i))
ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results))
print(actions, b.n_waiting, b.broken)

# a single party never waits
print(threading.Barrier(1).wait())

# a timeout breaks the barrier for everyone
b = threading.Barrier(3, timeout=0.05)
errors = []
def lonely():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        errors.append("broken")
ts = [threading.Thread(target=lonely) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(errors, b.broken, repr(b).endswith(": broken>"))
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(e))
b.reset()
print("after reset:", b.broken, b.n_waiting)

# abort releases the waiters with BrokenBarrierError
b = threading.Barrier(2)
out = []
def waiter():
    try:
        b.wait()
        out.append("passed")
    except threading.BrokenBarrierError:
        out.append("aborted")
t = threading.Thread(target=waiter)
t.start()
while b.n_waiting == 0:
    time.sleep(0.001)
print("waiting:", b.n_waiting)
b.abort()
t.join()
print(out, b.broken)

# reset while a thread waits: it gets BrokenBarrierError, the barrier is usable again
b = threading.Barrier(2)
out = []
t = threading.Thread(target=waiter)
t.start()
while b.n_waiting == 0:
    time.sleep(0.001)
b.reset()
t.join()
print(out[-1], b.broken)
t = threading.Thread(target=waiter)
t.start()
while b.n_waiting == 0:
    time.sleep(0.001)
print("index", b.wait())
t.join()
print(out[-1])

# an action that raises breaks the barrier
def bad_action():
    raise ValueError("action failed")
b = threading.Barrier(2, action=bad_action)
out = []
def w2():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        out.append("broken")
    except ValueError as e:
        out.append("ValueError %s" % e)
ts = [threading.Thread(target=w2) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out), b.broken)
