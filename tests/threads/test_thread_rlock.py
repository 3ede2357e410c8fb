# _thread.RLock / threading.RLock: recursion, ownership, release errors, Condition support methods, repr.
import _thread
import threading

r = threading.RLock()
print(type(r) is _thread.RLock, type(r).__name__)
def state(r):
    s = repr(r)
    return s[:s.index(" at 0x")].replace(" owner=%d" % threading.get_ident(), " owner=ME")
print(state(r))
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
print(state(r), r._is_owned())
r.release()
print(state(r))
r.release()
r.release()
print(state(r), r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)

with r:
    with r:
        print("nested", state(r))
print(state(r))

# Condition support
r.acquire()
r.acquire()
saved = r._release_save()
print("saved count", saved[0], saved[1] == threading.get_ident(), state(r))
r._acquire_restore(saved)
print(state(r))
r.release()
r.release()
try:
    r._release_save()
except RuntimeError as e:
    print("RuntimeError", e)

# other threads cannot release or enter it
r.acquire()
out = []
def other():
    out.append(r._is_owned())
    try:
        r.release()
    except RuntimeError as e:
        out.append(str(e))
    out.append(r.acquire(blocking=False))
    out.append(r.acquire(timeout=0.01))
t = threading.Thread(target=other)
t.start()
t.join()
print(out)
r.release()

# once released, another thread gets it
def take():
    out.append(r.acquire(timeout=1))
    out.append(r._is_owned())
    r.release()
t = threading.Thread(target=take)
t.start()
t.join()
print(out[-2:])

# subclassing is allowed
class MyRLock(_thread.RLock):
    pass
m = MyRLock()
with m:
    print(type(m).__name__, m._is_owned())

# recursive function guarded by one RLock from several threads
total = []
def rec(n):
    with r:
        if n:
            rec(n - 1)
        else:
            total.append(1)
ts = [threading.Thread(target=lambda: [rec(5) for _ in range(200)]) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(total), state(r))
