# concurrent.futures.wait (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, timeouts) and as_completed (order, duplicates, timeout).
import threading
from concurrent.futures import (Future, wait, as_completed, FIRST_COMPLETED, FIRST_EXCEPTION,
                                ALL_COMPLETED)
from concurrent.futures._base import DoneAndNotDoneFutures


def names(fs):
    return sorted(f.name for f in fs)


def make(*labels):
    out = []
    for label in labels:
        f = Future()
        f.name = label
        out.append(f)
    return out


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


def result_of(res):
    return 'done=%s not_done=%s' % (names(res.done), names(res.not_done))


# DoneAndNotDoneFutures is a named pair.
r = wait([])
print(r, type(r).__name__, isinstance(r, tuple), len(r), r.done, r.not_done, r[0] is r.done)
done, not_done = r
print(done, not_done, DoneAndNotDoneFutures({1}, {2}), DoneAndNotDoneFutures._fields)

a, b, c = make('a', 'b', 'c')
print('nothing done, timeout=0', result_of(wait([a, b, c], timeout=0)))
print('FIRST_COMPLETED timeout=0', result_of(wait([a, b, c], timeout=0, return_when=FIRST_COMPLETED)))
print('FIRST_EXCEPTION timeout=0.01', result_of(wait([a, b, c], 0.01, FIRST_EXCEPTION)))
b.set_result(1)
print('FIRST_COMPLETED', result_of(wait([a, b, c], return_when=FIRST_COMPLETED)))
print('ALL_COMPLETED timeout=0', result_of(wait([a, b, c], timeout=0)))
print('FIRST_EXCEPTION timeout=0', result_of(wait([a, b, c], timeout=0, return_when=FIRST_EXCEPTION)))
a.set_exception(ValueError('bad'))
print('FIRST_EXCEPTION', result_of(wait([a, b, c], return_when=FIRST_EXCEPTION)))
c.set_result(3)
print('ALL_COMPLETED', result_of(wait([a, b, c])))
print('duplicates', result_of(wait([a, a, b, b, c])))
print('generator input', result_of(wait(f for f in (a, b))))
show('invalid return_when (all done)', lambda: result_of(wait([a], return_when='bogus')))
d, = make('d')
show('invalid return_when', lambda: result_of(wait([d], return_when='bogus')))
print('waiters left behind', len(d._waiters))

# A cancelled future counts as done for wait() only once its executor noticed.
e, g = make('e', 'g')
e.cancel()
print('cancelled, not notified', result_of(wait([e, g], timeout=0)))
e.set_running_or_notify_cancel()
print('cancelled and notified', result_of(wait([e, g], timeout=0)))
print('FIRST_COMPLETED with a cancelled one', result_of(wait([e, g], return_when=FIRST_COMPLETED)))
print('FIRST_EXCEPTION ignores cancelled', result_of(wait([e, g], timeout=0, return_when=FIRST_EXCEPTION)))

# wait() blocked until another thread completes the futures.
fs = make('p', 'q', 'r')
go = threading.Event()


def finish_all():
    go.wait()
    for i, f in enumerate(fs):
        if f.name == 'q':
            f.set_exception(KeyError(i))
        else:
            f.set_result(i)


t = threading.Thread(target=finish_all)
t.start()
go.set()
print('ALL_COMPLETED across threads', result_of(wait(fs, timeout=30)))
t.join()

fs = make('s', 't')
t = threading.Thread(target=lambda: fs[1].set_exception(OSError()))
t.start()
print('FIRST_EXCEPTION across threads', result_of(wait(fs, timeout=30, return_when=FIRST_EXCEPTION)))
t.join()
fs[0].set_result(None)

fs = make('u', 'v')
t = threading.Thread(target=fs[0].set_result, args=(0,))
t.start()
print('FIRST_COMPLETED across threads', result_of(wait(fs, timeout=30, return_when=FIRST_COMPLETED)))
t.join()
fs[1].cancel()
t = threading.Thread(target=fs[1].set_running_or_notify_cancel)
t.start()
t.join()
print('ALL_COMPLETED after cancel', result_of(wait(fs, timeout=30)))
print('waiters left behind', sum(len(f._waiters) for f in fs))

# as_completed yields the already-done futures first, then each in completion order.
fs = make('f0', 'f1', 'f2', 'f3')
fs[3].set_result(3)
order = []
for f in as_completed(fs):
    order.append(f.name)
    if f.name == 'f3':
        fs[1].set_result(1)
    elif f.name == 'f1':
        fs[2].set_exception(ValueError())
    elif f.name == 'f2':
        fs[0].cancel()
        fs[0].set_running_or_notify_cancel()
print('as_completed order', order)
print('waiters left behind', sum(len(f._waiters) for f in fs))

# Completion by other threads, in a fixed order.
fs = make('t0', 't1', 't2')
order = []
steps = [threading.Event() for _ in fs]


def complete_in_order():
    for i in (2, 0, 1):
        fs[i].set_result(i)
        steps[i].wait()


t = threading.Thread(target=complete_in_order)
t.start()
for f in as_completed(fs, timeout=30):
    order.append(f.name)
    steps[int(f.name[1])].set()
t.join()
print('as_completed across threads', order)

# Duplicates are yielded once; an empty input yields nothing.
x, = make('x')
x.set_result(None)
print('duplicates', [f.name for f in as_completed([x, x, x])], list(as_completed([])))

# Timeout: raised once the pending futures are not done in time.
y, z = make('y', 'z')
y.set_result(1)
got = []
try:
    for f in as_completed([y, z], timeout=0.05):
        got.append(f.name)
except TimeoutError as err:
    print('as_completed timeout', got, type(err).__name__, err)
print('waiters left behind', len(y._waiters) + len(z._waiters))
try:
    for f in as_completed([z], timeout=0):
        pass
except TimeoutError as err:
    print('timeout=0', err)

# Closing the generator early removes its waiter.
w1, w2 = make('w1', 'w2')
w1.set_result(1)
it = as_completed([w1, w2])
print(next(it).name, len(w2._waiters))
it.close()
print('after close', len(w2._waiters))
