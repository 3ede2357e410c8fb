# Future.add_done_callback: order, immediate call when done, on cancel, from other threads; a failing callback is reported, not raised.
import threading
from concurrent.futures import Future

log = []


def cb(tag):
    def callback(fut):
        if fut.cancelled():
            log.append((tag, 'cancelled'))
        elif fut.exception() is not None:
            log.append((tag, 'raised', type(fut.exception()).__name__))
        else:
            log.append((tag, 'result', fut.result()))
    return callback


f = Future()
f.add_done_callback(cb('a'))
f.add_done_callback(cb('b'))
f.add_done_callback(cb('a'))  # the same callable twice is called twice
print('before', log)
f.set_result(7)
print('after set_result', log)
log.clear()
f.add_done_callback(cb('late'))  # already done: called at once
print('late', log)
log.clear()

f = Future()
f.add_done_callback(cb('x'))
f.set_exception(OSError('disk'))
print('exception', log)
log.clear()

f = Future()
f.add_done_callback(cb('c1'))
print('cancel', f.cancel(), log)
f.add_done_callback(cb('c2'))
print('after cancel', log)
f.set_running_or_notify_cancel()
print('notify does not call again', log)
log.clear()

# Not called for running; called once on finish.
f = Future()
f.add_done_callback(cb('r'))
f.set_running_or_notify_cancel()
print('running', log)
f.set_result('done')
print('finished', log)
log.clear()

# A callback that sees the future already done inside: result() does not block.
f = Future()
seen = []
f.add_done_callback(lambda fut: seen.append((fut.done(), fut.result(timeout=0))))
f.set_result('v')
print('inside callback', seen)

# Callbacks run in the thread that completes the future.
f = Future()
where = []
f.add_done_callback(lambda fut: where.append(threading.current_thread().name))
t = threading.Thread(target=f.set_result, args=(1,), name='completer')
t.start()
t.join()
print('ran in', where)

# Many threads adding callbacks while another completes: each callback runs exactly once.
f = Future()
count = [0]
lock = threading.Lock()


def bump(fut):
    with lock:
        count[0] += 1


def adder():
    for _ in range(50):
        f.add_done_callback(bump)


ts = [threading.Thread(target=adder) for _ in range(4)]
for t in ts:
    t.start()
f.set_result(None)
for t in ts:
    t.join()
print('callbacks run', count[0])

# An exception in a callback is reported on stderr; the others still run, nothing is raised.
f = Future()
f.add_done_callback(cb('before-bad'))
f.add_done_callback(lambda fut: 1 / 0)
f.add_done_callback(cb('after-bad'))
f.set_result(1)
print('after failing callback', log)
g = Future()
g.set_result(2)
g.add_done_callback(lambda fut: [][1])  # immediate call: reported too
print('still running')
# A BaseException that is not an Exception propagates from an immediate call.
class Stop(BaseException):
    pass


def stop(fut):
    raise Stop('stop')


h = Future()
h.set_result(3)
try:
    h.add_done_callback(stop)
except Stop as e:
    print('BaseException propagated', e)
