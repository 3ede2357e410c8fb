# Queue.shutdown() and queue.ShutDown (added in Python 3.13).
# Differs from CPython 3.11 on purpose: weft's language level is 3.14, and 3.11 has no
# shutdown, so weft's stdout is compared with test_queue_shutdown.expected (the output of
# CPython 3.13 for this file); under 3.11 the file only says that shutdown is missing.
import queue
import threading

if not hasattr(queue.Queue, 'shutdown'):
    print('queue.Queue.shutdown is missing (Python < 3.13)')
    raise SystemExit(0)


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(issubclass(queue.ShutDown, Exception), 'ShutDown' in queue.__all__)

# Graceful: puts fail at once, gets drain the queue and then fail.
q = queue.Queue()
for i in range(3):
    q.put(i)
print('is_shutdown', q.is_shutdown)
q.shutdown()
print('is_shutdown', q.is_shutdown)
show('put after shutdown', lambda: q.put(9))
show('put_nowait after shutdown', lambda: q.put_nowait(9))
print([q.get(), q.get_nowait(), q.get(timeout=1)])
show('get when drained', q.get)
show('get_nowait when drained', q.get_nowait)
print('unfinished', q.unfinished_tasks)
for _ in range(3):
    q.task_done()
q.join()
print('joined')

# Immediate: the items are dropped and count as done; join() returns.
q = queue.Queue()
for i in range(4):
    q.put(i)
q.get()
q.shutdown(immediate=True)
print('qsize', q.qsize(), 'unfinished', q.unfinished_tasks)
show('get after immediate', q.get)
q.task_done()  # for the item got before the shutdown
q.join()
print('joined after immediate')

# Threads blocked in get() or put() wake up with ShutDown.
outcomes = []
lock = threading.Lock()


def blocked_get(qq):
    try:
        qq.get()
        r = 'got'
    except queue.ShutDown:
        r = 'get: ShutDown'
    with lock:
        outcomes.append(r)


def blocked_put(qq):
    try:
        qq.put('x')
        qq.put('y')
        r = 'put twice'
    except queue.ShutDown:
        r = 'put: ShutDown'
    with lock:
        outcomes.append(r)


empty_q = queue.Queue()
getter = threading.Thread(target=blocked_get, args=(empty_q,))
full_q = queue.Queue(1)
putter = threading.Thread(target=blocked_put, args=(full_q,))
getter.start()
putter.start()
# Shutting down is final whether or not the threads are already waiting.
empty_q.shutdown()
full_q.shutdown()
getter.join()
putter.join()
print(sorted(outcomes))

# LifoQueue and PriorityQueue share it.
for cls in (queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    q.put(2)
    q.put(1)
    q.shutdown()
    print(cls.__name__, [q.get(), q.get()])
    show(cls.__name__ + ' get', q.get)
