# ThreadPoolExecutor initializer/initargs: run once per worker thread; a failing initializer breaks the pool (BrokenThreadPool).
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool
from concurrent.futures import BrokenExecutor

local = threading.local() if hasattr(threading, 'local') else None
inits = []
lock = threading.Lock()


def init(tag, n):
    with lock:
        inits.append((tag, n, threading.current_thread().name))
    if local is not None:
        local.tag = tag


def which():
    return getattr(local, 'tag', 'none') if local is not None else 'set'


with ThreadPoolExecutor(max_workers=1, initializer=init, initargs=('w', 1), thread_name_prefix='init') as ex:
    print([ex.submit(which).result() for _ in range(3)])
print('initializer calls', inits)

# Several workers: each runs the initializer once, before its first call.
inits.clear()
N = 3
all_in = threading.Event()
count = [0]


def meet():
    with lock:
        count[0] += 1
        if count[0] == N:
            all_in.set()
    all_in.wait()
    return which()


with ThreadPoolExecutor(max_workers=N, initializer=init, initargs=('m', 2)) as ex:
    print(sorted(f.result() for f in [ex.submit(meet) for _ in range(N)]))
print('one call per worker', len(inits), len(set(name for _, _, name in inits)))

# A failing initializer: pending work fails with BrokenThreadPool, later submits raise it.
def bad_init():
    raise ValueError('init failed')


ex = ThreadPoolExecutor(max_workers=1, initializer=bad_init)
f = ex.submit(abs, -1)
try:
    f.result(timeout=30)
except BrokenThreadPool as e:
    print('pending work:', type(e).__name__, e)
for t in list(ex._threads):
    t.join()
try:
    ex.submit(abs, -2)
except BrokenThreadPool as e:
    print('submit:', type(e).__name__, e)
print(issubclass(BrokenThreadPool, BrokenExecutor), isinstance(f.exception(), RuntimeError))
ex.shutdown()
print('shutdown of a broken pool works')
