# _thread.allocate_lock / LockType: acquire (blocking, timeout), release, locked, context manager, errors, repr.
import _thread
import threading
import time

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, type(lock).__name__)
print(repr(lock).split(" object at ")[0])
print(lock.locked(), lock.acquire(), lock.locked())
print(repr(lock).split(" object at ")[0])
print("try again:", lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
print(_thread.error is RuntimeError)

# argument checking
for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": -0.5}), ((), {"timeout": "x"}),
                     ((), {"blocking": False, "timeout": 1}), ((), {"bogus": 1})]:
    try:
        lock.acquire(*args, **kwargs)
        print("acquired?", args, kwargs)
        lock.release()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    lock.acquire(timeout=1e30)
except OverflowError:
    print("OverflowError")
print(lock.acquire(timeout=-1), lock.locked())  # -1 means "no timeout"
lock.release()

# context manager and the aliases
with lock as got:
    print("in with:", got, lock.locked())
print("after with:", lock.locked())
print(lock.acquire_lock(), lock.locked_lock())
lock.release_lock()
print(lock.locked())

# another thread releases a lock this thread holds (allowed for plain locks)
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by other thread:", not lock.locked())

# a blocked acquire wakes up when the holder releases
lock.acquire()
order = []
def waiter():
    order.append("waiting")
    got = lock.acquire()
    order.append("acquired %s" % got)
    lock.release()
t = threading.Thread(target=waiter)
t.start()
while not order:
    time.sleep(0.001)
time.sleep(0.02)
order.append("releasing")
lock.release()
t.join()
print(order)

# a timed acquire gives up
lock.acquire()
res = []
def timed():
    start = time.monotonic()
    res.append(lock.acquire(timeout=0.05))
    res.append(time.monotonic() - start >= 0.04)
t = threading.Thread(target=timed)
t.start()
t.join()
lock.release()
print("timed out:", res)

# a lock used as a counter guard by several threads
counter = 0
def add():
    global counter
    for _ in range(2000):
        with lock:
            counter += 1
ts = [threading.Thread(target=add) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter)
lock._at_fork_reinit()
print(lock.locked())
