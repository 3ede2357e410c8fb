# ThreadPoolExecutor.map: ordered results, several iterables, laziness of results, exceptions, timeout, early close.
import threading
from concurrent.futures import ThreadPoolExecutor


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


with ThreadPoolExecutor(max_workers=4) as ex:
    print('squares', list(ex.map(lambda x: x * x, range(20))))
    print('two iterables', list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
    print('shortest wins', list(ex.map(lambda a, b, c: a + b + c, 'abcd', 'xyz', 'PQRSTU')))
    print('empty', list(ex.map(abs, [])), list(ex.map(abs, [], [1])))
    print('no iterables', list(ex.map(abs)))
    print('generator input', list(ex.map(str.upper, (w for w in ['ab', 'cd']))))
    print('chunksize ignored', list(ex.map(abs, [-1, -2, 3], chunksize=2)))
    print('timeout given', list(ex.map(abs, [-5, 6], timeout=30)))

    # Every call is submitted when map() is called, before any result is asked for.
    calls = []
    lock = threading.Lock()
    all_ran = threading.Event()

    def record(x):
        with lock:
            calls.append(x)
            if len(calls) == 6:
                all_ran.set()
        return x

    it = ex.map(record, range(6))
    print('ran before iterating', all_ran.wait(30), sorted(calls))
    print('results', list(it))

    # Results are yielded in input order even when later calls finish first.
    gates = [threading.Event() for _ in range(4)]

    def gated(i):
        gates[i].wait()
        return i * 10

    it = ex.map(gated, [0, 1, 2, 3])
    for i in (3, 2, 1):
        gates[i].set()
    gates[0].set()
    print('in order', list(it))

    # An exception is raised when its result is reached; earlier results come first.
    def maybe_fail(x):
        if x == 3:
            raise ValueError('three')
        return x

    got = []
    try:
        for r in ex.map(maybe_fail, range(6)):
            got.append(r)
    except ValueError as e:
        print('failed after', got, e)

    # Errors in the arguments show up at once: map() is not lazy about submitting.
    show('bad iterable', lambda: ex.map(abs, 5))

    # timeout: a result not ready in time raises TimeoutError from next().
    hold2 = threading.Event()
    it = ex.map(lambda x: hold2.wait() and x, [7, 8], timeout=0.05)
    try:
        print(next(it))
    except TimeoutError as e:
        print('map timeout', type(e).__name__)
    hold2.set()
    print('after timeout', list(it))

# Closing the result iterator cancels the calls that have not started.
lock = threading.Lock()
gate0_started = threading.Event()
gate0 = threading.Event()
gate1 = threading.Event()
done_calls = []


def slow(x):
    if x == 0:
        gate0_started.set()
        gate0.wait()
    elif x == 1:
        gate1.wait()
    with lock:
        done_calls.append(x)
    return x


with ThreadPoolExecutor(max_workers=1) as ex1:
    it = ex1.map(slow, range(5))
    gate0_started.wait()
    gate0.set()
    print('first', next(it))
    it.close()  # call 1 is running or queued; calls 2..4 are still queued
    gate1.set()
print('ran', 0 in done_calls, [x for x in done_calls if x >= 2])

# A generator never started cancels nothing: all its calls run.
with ThreadPoolExecutor(max_workers=2) as ex2:
    it = ex2.map(abs, [-1, -2, -3])
    it.close()
    f = ex2.submit(abs, -4)
print('unstarted map', f.result())
