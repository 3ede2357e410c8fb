# threading.Condition: wait/notify/notify_all, wait timeouts, wait_for, the lock argument, errors.
import threading
import time

c = threading.Condition()
print(repr(c).startswith("<Condition(<unlocked _thread.RLock object"), repr(c).endswith(", 0)>"))
for meth in (c.wait, c.notify, c.notify_all):
    try:
        meth()
    except RuntimeError as e:
        print("RuntimeError", e)
with c:
    print("wait timeout:", c.wait(0.01), c.wait(0), c.wait(timeout=-1))
    print("wait_for true:", c.wait_for(lambda: 42))
    print("wait_for timeout:", c.wait_for(lambda: 0, timeout=0.02))
    print(c._is_owned(), c.acquire(), c._is_owned())  # RLock: re-entrant
    c.release()

# producer / consumer on a plain Lock
lock = threading.Lock()
cond = threading.Condition(lock)
print(cond._is_owned())
items = []
consumed = []
def consumer():
    for _ in range(50):
        with cond:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))
t = threading.Thread(target=consumer)
t.start()
for i in range(50):
    with cond:
        items.append(i)
        cond.notify()
t.join()
print("consumed in order:", consumed == list(range(50)))

# notify(n) wakes at most n waiters; notify_all the rest
c = threading.Condition()
waiting = 0
woken = []
go = False
def waiter(i):
    global waiting
    with c:
        waiting += 1
        c.notify_all()          # tell the main thread
        while not go:
            c.wait()
        woken.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
with c:
    c.wait_for(lambda: waiting == 5)
    go = True
    c.notify(2)
time.sleep(0.05)
with c:
    print("after notify(2):", len(woken) <= 5)
    c.notify_all()
for t in ts:
    t.join()
print("all woken:", sorted(woken))

# a waiter times out while nobody notifies; a later waiter is still notified
c = threading.Condition()
res = []
def timed():
    with c:
        res.append(("timed", c.wait(0.02)))
t = threading.Thread(target=timed)
t.start()
t.join()
def notified():
    with c:
        res.append(("notified", c.wait(5)))
t = threading.Thread(target=notified)
t.start()
while True:
    with c:
        if c._waiters:
            c.notify()
            break
    time.sleep(0.001)
t.join()
print(res)

# wait_for with a predicate made true by another thread
c = threading.Condition()
state = {"n": 0}
def bump():
    for _ in range(10):
        with c:
            state["n"] += 1
            c.notify_all()
t = threading.Thread(target=bump)
t.start()
with c:
    print("wait_for:", c.wait_for(lambda: state["n"] == 10, timeout=5))
t.join()

# the RLock is fully released while waiting, and restored afterwards
r = threading.RLock()
c = threading.Condition(r)
entered = []
def other():
    with c:
        entered.append(True)
        c.notify()
with c:
    with c:
        t = threading.Thread(target=other)
        t.start()
        c.wait(5)
        print("other entered while we waited:", entered, r._is_owned())
t.join()
print(r._is_owned())
