# Interpreter exit does not wait for daemon threads, even blocked or busy ones; the exit status is the main thread's.
import threading
import time

blocker = threading.Lock()
blocker.acquire()
started = threading.Barrier(4)
def blocked():
    started.wait()
    blocker.acquire()
def sleeper():
    started.wait()
    time.sleep(60)
def busy():
    started.wait()
    n = 0
    while True:
        n += 1
for f in (blocked, sleeper, busy):
    threading.Thread(target=f, daemon=True).start()
started.wait()
print("daemon threads running:", threading.active_count() - 1)
print("leaving")
