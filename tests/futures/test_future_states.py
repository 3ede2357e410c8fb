# concurrent.futures.Future on its own: states, cancel, result/exception with timeouts, set_* errors, repr.
import sys
from concurrent.futures import Future, CancelledError, InvalidStateError
from concurrent.futures import TimeoutError as FuturesTimeoutError


def state(f):
    return (f.done(), f.running(), f.cancelled())


def tail(f):
    # repr without the address: "<Future at 0x... state=...>"
    r = repr(f)
    return r[:r.index(' at ')] + r[r.index(' state='):]


def clean(text):
    # Drop the addresses (" at 0x...") from reprs inside messages.
    while ' at 0x' in text:
        i = text.index(' at 0x')
        j = i + 6
        while j < len(text) and text[j] in '0123456789abcdef':
            j += 1
        text = text[:i] + text[j:]
    return text


def show(label, fn):
    try:
        print(label, repr(fn()))
    except BaseException as e:
        print(label, type(e).__name__, clean(str(e)))


print(FuturesTimeoutError is TimeoutError)

f = Future()
print('new', state(f), tail(f))
show('result timeout=0', lambda: f.result(timeout=0))
show('result timeout=0.01', lambda: f.result(0.01))
show('result negative timeout', lambda: f.result(timeout=-1))
show('exception timeout=0', lambda: f.exception(timeout=0))
print(f.set_running_or_notify_cancel(), 'running', state(f), tail(f))
print('cancel while running', f.cancel(), state(f))
show('set_running again', f.set_running_or_notify_cancel)
f.set_result([1, 2])
print('finished', state(f), tail(f))
print(f.result(), f.result(timeout=0), f.exception(), f.exception(0))
show('set_result twice', lambda: f.set_result(3))
show('set_exception after result', lambda: f.set_exception(ValueError()))
print('cancel finished', f.cancel(), state(f))
show('set_running after done', f.set_running_or_notify_cancel)

# Result straight from PENDING (set_result does not require RUNNING).
f = Future()
f.set_result(None)
print('pending -> result', state(f), repr(f.result()), tail(f))

# Exceptions.
f = Future()
err = KeyError('k')
f.set_exception(err)
print('exception', state(f), tail(f))
print(f.exception() is err)
try:
    f.result()
except KeyError as e:
    print('result raised', type(e).__name__, e is err)
show('set_result after exception', lambda: f.set_result(1))
f = Future()
f.set_exception(SystemExit(3))
show('result of SystemExit', f.result)
print(type(f.exception()).__name__)

# Cancelling.
f = Future()
print('cancel', f.cancel(), state(f), tail(f))
print('cancel again', f.cancel())
show('result of cancelled', f.result)
show('result of cancelled timeout', lambda: f.result(timeout=0))
show('exception of cancelled', f.exception)
show('set_result on cancelled', lambda: f.set_result(1))
show('set_exception on cancelled', lambda: f.set_exception(ValueError()))
print('notify cancel', f.set_running_or_notify_cancel(), state(f), tail(f))
show('set_running after notify', f.set_running_or_notify_cancel)
print('cancel after notify', f.cancel())

f = Future()
f.set_result(5)
print('result is value', f.result())
f = Future()
f.set_result(ValueError('as a value'))
print('exception instance as result', type(f.result()).__name__, f.exception())

print(type(CancelledError()).__name__, repr(CancelledError()), issubclass(InvalidStateError, Exception))
print(Future[int], Future[str].__origin__ is Future)
print(sorted(n for n in dir(Future) if not n.startswith('_')))
# set_running_or_notify_cancel reported the unexpected states (with ids) on stderr.
print('end', file=sys.stderr)
