# _thread module functions: start_new_thread/start_new, get_ident, get_native_id, _count, stack_size, exit, interrupt_main, TIMEOUT_MAX.
import _thread
import time

print(_thread.TIMEOUT_MAX)
print(_thread.error is RuntimeError, _thread.LockType.__name__)
for name in ["start_new_thread", "start_new", "allocate_lock", "allocate", "get_ident", "get_native_id",
             "stack_size", "_count", "exit", "exit_thread", "interrupt_main", "RLock", "_local", "_excepthook",
             "_ExceptHookArgs", "LockType", "TIMEOUT_MAX", "error"]:
    print(name, hasattr(_thread, name))

main_ident = _thread.get_ident()
print(type(main_ident).__name__, main_ident == _thread.get_ident(), main_ident > 0)
print(type(_thread.get_native_id()).__name__, _thread.get_native_id() > 0)

# start_new_thread with args and kwargs; results handed back through a lock
done = _thread.allocate_lock()
results = []
def worker(a, b, c=None, d=None):
    results.append((a, b, c, d))
    results.append(_thread.get_ident() != main_ident)
    results.append(_thread.get_native_id() != 0)
    done.release()
done.acquire()
ident = _thread.start_new_thread(worker, (1, 2), {"c": 3})
done.acquire()
print(results, type(ident).__name__)
results.clear()
_thread.start_new(worker, ("x", "y"))
done.acquire()
print(results[0])

# a thread that calls _thread.exit() ends silently
def quitter():
    done.release()
    _thread.exit()
_thread.start_new_thread(quitter, ())
done.acquire()
time.sleep(0.05)

# argument errors
for args in [(), (print,), (1, ()), (print, []), (print, (), []), (print, (), {}, 1)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    _thread.start_new_thread(print, (), x=1)
except TypeError:
    print("TypeError (keywords)")

# stack_size
print(_thread.stack_size())
print(_thread.stack_size(65536))
print(_thread.stack_size())
def small():
    results.append(sum(range(100)))
    done.release()
_thread.start_new_thread(small, ())
done.acquire()
print(results[-1])
print(_thread.stack_size(0))
for bad in [100, -1]:
    try:
        _thread.stack_size(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    _thread.stack_size(1.5)
except TypeError as e:
    print("TypeError", e)

# _count: running threads started by _thread
gate = _thread.allocate_lock()
gate.acquire()
started = []
def held():
    started.append(1)
    gate.acquire()
    gate.release()
def wait_count(n):
    deadline = time.monotonic() + 5
    while _thread._count() != n and time.monotonic() < deadline:
        time.sleep(0.001)
    return _thread._count()
print("idle", wait_count(0))
for _ in range(3):
    _thread.start_new_thread(held, ())
while len(started) < 3:
    time.sleep(0.001)
print("running", _thread._count())
gate.release()
print("after", wait_count(0))

# interrupt_main raises KeyboardInterrupt in the main thread
try:
    _thread.interrupt_main()
    for i in range(10 ** 6):
        pass
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt")

def interrupter():
    _thread.interrupt_main()
try:
    _thread.start_new_thread(interrupter, ())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        pass
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt from a thread")
