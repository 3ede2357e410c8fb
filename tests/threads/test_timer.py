# threading.Timer: runs the function once after the interval with args/kwargs; cancel() before it fires.
import threading
import time

out = []
t = threading.Timer(0.01, lambda *a, **k: out.append((a, k)), args=(1, 2), kwargs={"x": 3})
print(isinstance(t, threading.Thread), t.interval, t.args, t.kwargs)
t.start()
t.join()
print(out, t.finished.is_set(), t.is_alive())

t = threading.Timer(5, out.append, args=["never"])
t.start()
t.cancel()
t.join()
print(out[-1], t.finished.is_set())

t = threading.Timer(0, out.append, ["zero"])
t.start()
t.join()
print(out[-1])
print(threading.Timer(1, print).name.startswith("Thread-"))

# cancel after it fired is harmless
t = threading.Timer(0.001, out.append, ["fired"])
t.start()
t.join()
t.cancel()
print(out[-1])
