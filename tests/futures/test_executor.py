# ThreadPoolExecutor: submit/result, exceptions, args/kwargs, context manager, shutdown errors, worker reuse, names, validation.
import threading
from concurrent.futures import ThreadPoolExecutor, Executor, wait, as_completed


def square(x):
    return x * x


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(square, i) for i in range(50)]
    print('results', [f.result(timeout=30) for f in fs])
    print('as_completed', sorted(f.result() for f in as_completed(fs, timeout=30)))
    r = wait(fs, timeout=30)
    print('wait', len(r.done), len(r.not_done))
    print('args/kwargs', ex.submit(lambda *a, **k: (a, sorted(k.items())), 1, 2, x=3, fn=4).result())
    print('builtin', ex.submit(sorted, [3, 1, 2], reverse=True).result(), ex.submit(pow, 2, 10).result())
    bad = ex.submit(int, 'nope')
    print('exception', type(bad.exception()).__name__, bad.exception())
    try:
        bad.result()
    except ValueError as e:
        print('result raised', e)
    print('done', bad.done(), bad.cancelled(), bad.running())
    se = ex.submit(exec, 'raise SystemExit(5)')
    print('BaseException captured', type(se.exception()).__name__, se.exception().code)
    print('threads <= max_workers', 1 <= len(ex._threads) <= 4)
show('submit after with', lambda: ex.submit(square, 1))
show('map after shutdown', lambda: ex.map(square, [1]))
ex.shutdown()  # twice is fine
ex.shutdown(wait=False)

# Work that blocks until released: a future is running, queued ones are pending.
ex = ThreadPoolExecutor(max_workers=1)
started = threading.Event()
release = threading.Event()


def blocker():
    started.set()
    release.wait()
    return 'released'


f1 = ex.submit(blocker)
started.wait()
f2 = ex.submit(square, 9)
print('running', f1.running(), 'pending done', f2.done(), 'pending running', f2.running())
print('cancel running', f1.cancel(), 'cancel pending', f2.cancel(), f2.cancelled())
f3 = ex.submit(square, 3)
release.set()
print(f1.result(timeout=30), f3.result(timeout=30), f2.cancelled())
ex.shutdown()

# An idle worker is reused instead of starting another thread.
ex = ThreadPoolExecutor(max_workers=8)
for i in range(5):
    print('sequential', ex.submit(square, i).result(timeout=30), end='; ')
    ex._idle_semaphore.acquire()  # wait until the worker is idle again
    ex._idle_semaphore.release()
print()
print('threads started', len(ex._threads))
ex.shutdown()

# At most max_workers threads, all busy at once.
N = 3
ex = ThreadPoolExecutor(max_workers=N)
barrier_count = [0]
lock = threading.Lock()
all_in = threading.Event()


def rendezvous(i):
    with lock:
        barrier_count[0] += 1
        if barrier_count[0] == N:
            all_in.set()
    all_in.wait()
    return threading.current_thread().name


fs = [ex.submit(rendezvous, i) for i in range(N)]
names = sorted(f.result(timeout=30) for f in fs)
print('workers', len(ex._threads), len(set(names)), names[0].startswith('ThreadPoolExecutor-'))
ex.shutdown()

# Thread names use the prefix.
with ThreadPoolExecutor(max_workers=1, thread_name_prefix='pool') as ex:
    print('name', ex.submit(lambda: threading.current_thread().name).result())
    print('same worker', ex.submit(lambda: threading.current_thread().name).result())

# Argument checks.
show('max_workers=0', lambda: ThreadPoolExecutor(max_workers=0))
show('max_workers=-1', lambda: ThreadPoolExecutor(-1))
show('initializer not callable', lambda: ThreadPoolExecutor(1, initializer=5))
ex = ThreadPoolExecutor()
print('default max_workers in range', 5 <= ex._max_workers <= 32)
ex.shutdown()

# The abstract base.
base = Executor()
show('Executor.submit', lambda: base.submit(square, 1))
show('Executor.map', lambda: list(base.map(square, [1])))
with base as b:
    print('base context manager', b is base)
print(base.shutdown(), base.shutdown(wait=False, cancel_futures=True))
print(issubclass(ThreadPoolExecutor, Executor))
