# threading.Event: set/clear/is_set, wait with and without timeout, waking several waiters.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01), e.wait(timeout=-1))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.set()
e.clear()
print(e.is_set())
print(repr(e).endswith(": unset>"))
e.set()
print(repr(e).endswith(": set>"))
e.clear()

# several waiters released by one set()
woken = []
lock = threading.Lock()
def waiter(i):
    r = e.wait(5)
    with lock:
        woken.append((i, r))
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
e.set()
for t in ts:
    t.join()
print(sorted(woken))

# ping-pong between two threads with two events
ping, pong = threading.Event(), threading.Event()
log = []
def player():
    for i in range(5):
        ping.wait()
        ping.clear()
        log.append("pong %d" % i)
        pong.set()
t = threading.Thread(target=player)
t.start()
for i in range(5):
    log.append("ping %d" % i)
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print(log)

# a timed wait that expires returns False
e2 = threading.Event()
res = []
t = threading.Thread(target=lambda: res.append(e2.wait(0.02)))
t.start()
t.join()
print(res)
