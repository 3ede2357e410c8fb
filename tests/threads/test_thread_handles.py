# weft's _thread follows CPython 3.13/3.14 where they differ from 3.11: threads are started as joinable
# handles (_thread.start_joinable_thread, _ThreadHandle.join/is_done/ident, _thread._shutdown),
# joining a dummy thread raises RuntimeError (3.11: AssertionError), a dummy thread leaves
# threading.enumerate() when its thread exits (3.11 keeps it), Barrier(0) is rejected and
# RLock has _recursion_count() (3.11 has neither).
# So weft's stdout is compared with test_thread_handles.expected; under CPython 3.11 this prints
# what 3.11 lacks and exits 0.
import _thread
import threading
import time

if not hasattr(_thread, "start_joinable_thread"):
    print("CPython < 3.13: no _thread.start_joinable_thread")
    raise SystemExit(0)

# a joinable thread and its handle
out = []
gate = _thread.allocate_lock()
gate.acquire()
def body():
    gate.acquire()
    out.append(_thread.get_ident())
h = _thread.start_joinable_thread(body)
print(type(h).__name__, h.is_done(), isinstance(h.ident, int))
h.join(0.01)
print("after timed join:", h.is_done())
gate.release()
h.join()
print("after join:", h.is_done(), out == [h.ident])
h.join()
print(repr(h) == "<_thread._ThreadHandle object: ident=%d>" % h.ident)

# a handle made first, then started (what threading.Thread.start does)
h2 = _thread._ThreadHandle()
print(h2.is_done(), h2.ident)
try:
    h2.join()
except RuntimeError as e:
    print("RuntimeError", e)
print(_thread.start_joinable_thread(lambda: out.append("handle given"), handle=h2) is h2)
h2.join()
print(out[-1], h2.is_done(), h2.ident != 0)
try:
    _thread.start_joinable_thread(print, handle=h2)
except RuntimeError as e:
    print("RuntimeError", e)

# non-daemon threads are joined by _thread._shutdown()
def slow():
    time.sleep(0.05)
    out.append("slow done")
_thread.start_joinable_thread(slow, daemon=False)
_thread._shutdown()
print(out[-1])

# a handle for a thread not started by _thread
mh = _thread._make_thread_handle(_thread.get_ident())
print(mh.is_done(), mh.ident == _thread.get_ident())
try:
    mh.join()
except RuntimeError as e:
    print("RuntimeError", e)
mh._set_done()
print(mh.is_done())
mh.join()

# dummy threads: join raises, and they leave enumerate() when their thread exits
res = []
done = _thread.allocate_lock()
done.acquire()
def raw():
    me = threading.current_thread()
    try:
        me.join()
    except RuntimeError as e:
        res.append(str(e))
    done.release()
_thread.start_new_thread(raw, ())
done.acquire()
print(res)
deadline = time.monotonic() + 5
while len(threading.enumerate()) > 1 and time.monotonic() < deadline:
    time.sleep(0.005)
print("dummy removed:", threading.enumerate() == [threading.main_thread()])

try:
    threading.Barrier(0)
except ValueError as e:
    print("ValueError", e)
r = threading.RLock()
with r:
    with r:
        print("recursion count", r._recursion_count())
print("recursion count", r._recursion_count())
