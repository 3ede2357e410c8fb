# Signals and threads: only the main thread may set handlers (ValueError elsewhere); handlers
# always run in the main thread, also for a signal raised in another thread; a thread that is
# sleeping is not disturbed when the main thread gets a KeyboardInterrupt.
import signal
import threading
import time

errors = []
def set_from_thread():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    except ValueError as e:
        errors.append(str(e))
    errors.append(repr(signal.getsignal(signal.SIGUSR1)))  # getsignal works anywhere
t = threading.Thread(target=set_from_thread)
t.start()
t.join()
print(errors)

# A signal raised in a worker: the Python handler runs in the main thread.
where = []
def handler(signum, frame):
    where.append((signum, threading.current_thread().name))
signal.signal(signal.SIGUSR1, handler)
t = threading.Thread(target=signal.raise_signal, args=(signal.SIGUSR1,), name="raiser")
t.start()
t.join()
for _ in range(100):  # the main thread runs it at its next check
    if where:
        break
    time.sleep(0.01)
print(where)

# A worker keeps sleeping while the main thread is interrupted.
log = []
def sleeper():
    for i in range(3):
        time.sleep(0.05)
        log.append(i)
    log.append("sleeper done")
t = threading.Thread(target=sleeper)
t.start()
try:
    time.sleep(0.02)
    signal.raise_signal(signal.SIGINT)
    log.append("not reached")
except KeyboardInterrupt:
    log.append("main interrupted")
t.join()
print(log)

# Threads blocked in waits are not interrupted by a KeyboardInterrupt in the main thread.
ev = threading.Event()
results = []
def waiter():
    results.append(ev.wait(5))
ts = [threading.Thread(target=waiter) for _ in range(3)]
for t in ts:
    t.start()
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    results.append("KI")
ev.set()
for t in ts:
    t.join()
print(sorted(map(str, results)))
