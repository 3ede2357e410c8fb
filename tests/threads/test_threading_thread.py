# threading.Thread: names, target/args/kwargs, run() in subclasses, start/join/is_alive, daemon, ident, repr, errors.
import threading
import time

def strip_ident(t):
    # repr without the (run-dependent) ident
    r = repr(t)
    if t.ident is not None:
        r = r.replace(" %d)" % t.ident, " IDENT)")
    return r

out = []
def target(a, b=0, *, c=None):
    out.append((a, b, c, threading.current_thread().name))

t = threading.Thread(target=target, args=(1,), kwargs={"b": 2, "c": 3})
print(t.name, t.daemon, t.ident, t.native_id, t.is_alive())
print(strip_ident(t))
t.start()
t.join()
print(out, t.is_alive())
print(strip_ident(t))
print(type(t.ident).__name__, type(t.native_id).__name__, t.ident != threading.get_ident())

# automatic names: "Thread-N (target)"; explicit names; names of lambdas and callables
def work():
    pass
class CallMe:
    def __call__(self):
        pass
names = [threading.Thread(target=work).name, threading.Thread().name,
         threading.Thread(target=lambda: None).name, threading.Thread(target=CallMe()).name,
         threading.Thread(name="custom").name, threading.Thread(name=42).name]
base = int(names[0].split("-")[1].split()[0])
def relative(n):
    if not n.startswith("Thread-"):
        return n
    num, _, rest = n[len("Thread-"):].partition(" ")
    return "Thread-base+%d %s" % (int(num) - base, rest)
print([relative(n) for n in names])
t = threading.Thread(name="x")
t.name = "renamed"
print(t.name)

# subclass overriding run()
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n)
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))
ws = [Worker(n) for n in (10, 100, 1000)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print([(w.name, w.result) for w in ws])
print(strip_ident(ws[0]))

# daemon flag: explicit, inherited from the creating thread, setter rules
print(threading.Thread(daemon=True).daemon, threading.Thread().daemon, threading.current_thread().daemon)
inherited = []
def make_child():
    inherited.append(threading.Thread().daemon)
d = threading.Thread(target=make_child, daemon=True)
d.start()
d.join()
nd = threading.Thread(target=make_child)
nd.start()
nd.join()
print("inherited", inherited)
t = threading.Thread()
t.daemon = True
print(t.daemon)
t.daemon = False
print(t.daemon)
print(strip_ident(threading.Thread(daemon=True)))

# errors
t = threading.Thread(target=work)
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError", e)
t.join()
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError", e)
joined_self = []
def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        joined_self.append(str(e))
t = threading.Thread(target=join_self)
t.start()
t.join()
print(joined_self)
class NoInit(threading.Thread):
    def __init__(self):
        pass
try:
    NoInit().start()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.Thread(group=1)
except AssertionError as e:
    print("AssertionError", e)

# join with a timeout while the thread is still blocked, then for real
gate = threading.Event()
t = threading.Thread(target=gate.wait)
t.start()
t.join(0.01)
print("alive after timed join:", t.is_alive())
t.join(timeout=-1)
print("alive after negative timeout:", t.is_alive())
gate.set()
t.join()
print("alive after join:", t.is_alive())

# the thread's view of itself
seen = {}
def look():
    me = threading.current_thread()
    seen["same"] = me is t
    seen["ident"] = me.ident == threading.get_ident()
    seen["native"] = me.native_id == threading.get_native_id()
    seen["alive"] = me.is_alive()
    seen["listed"] = me in threading.enumerate()
    seen["main"] = threading.main_thread() is not me
t = threading.Thread(target=look)
t.start()
t.join()
print(sorted(seen.items()))
print(t not in threading.enumerate())

# many threads, results gathered after join
results = [None] * 20
def square(i):
    results[i] = i * i
ts = [threading.Thread(target=square, args=(i,)) for i in range(20)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
print(any(t.is_alive() for t in ts))
