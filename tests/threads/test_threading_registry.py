# current_thread, main_thread, enumerate, active_count, get_ident/get_native_id, dummy threads for _thread threads.
import _thread
import threading

main = threading.main_thread()
print(main is threading.current_thread(), main.name, main.daemon, main.is_alive())
print(repr(main).replace(str(main.ident), "IDENT"))
print(main.ident == threading.get_ident() == _thread.get_ident(), main.native_id == threading.get_native_id())
print(threading.active_count(), threading.enumerate() == [main])
print(threading.get_ident is _thread.get_ident, threading.ThreadError is RuntimeError)

gate = threading.Event()
started = threading.Barrier(4)
def parked():
    started.wait()
    gate.wait()
ts = [threading.Thread(target=parked, name="parked-%d" % i) for i in range(3)]
for t in ts:
    t.start()
started.wait()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
gate.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])

# a thread not started by threading gets a dummy Thread object
info = {}
done = _thread.allocate_lock()
done.acquire()
def raw():
    me = threading.current_thread()
    info["type"] = type(me).__name__
    info["name"] = me.name.startswith("Dummy-")
    info["daemon"] = me.daemon
    info["alive"] = me.is_alive()
    info["same"] = threading.current_thread() is me
    info["ident"] = me.ident == threading.get_ident()
    info["listed"] = me in threading.enumerate()
    done.release()
_thread.start_new_thread(raw, ())
done.acquire()
print(sorted(info.items()))

# idents of concurrently running threads are distinct
idents = []
lock = threading.Lock()
barrier = threading.Barrier(5)
def record():
    with lock:
        idents.append((threading.get_ident(), threading.get_native_id()))
    barrier.wait()
ts = [threading.Thread(target=record) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(set(i for i, n in idents)), len(set(n for i, n in idents)))
print(sorted(t.ident for t in ts) == sorted(i for i, n in idents))
