# Python-level signal handlers: called with (signum, frame) in the main thread, at once for
# raise_signal; an exception a handler raises propagates from the interrupted code; SIGALRM
# from setitimer() interrupts time.sleep and lock/Event waits (PEP 475: the wait resumes when
# the handler returns normally).
import signal
import threading
import time

calls = []

def record(signum, frame):
    calls.append((signum, type(frame).__name__, frame.f_code.co_name,
                  threading.current_thread() is threading.main_thread()))

signal.signal(signal.SIGUSR1, record)
signal.raise_signal(signal.SIGUSR1)
print(calls)

def inner():
    signal.raise_signal(signal.SIGUSR1)
    return "inner done"
print(inner(), calls[-1])
print(all(isinstance(c[0], int) and not isinstance(c[0], signal.Signals) for c in calls))

class Boom(Exception):
    pass

def boom(signum, frame):
    raise Boom("from handler %d" % signum)

signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
    print("not reached")
except Boom as e:
    print("Boom:", e)

# A handler that replaces itself.
def once(signum, frame):
    print("once", signum == signal.SIGUSR1)
    signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.signal(signal.SIGUSR1, once)
signal.raise_signal(signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print(repr(signal.getsignal(signal.SIGUSR1)))

# SIGINT with a custom handler: no KeyboardInterrupt.
got = []
signal.signal(signal.SIGINT, lambda s, f: got.append(s))
signal.raise_signal(signal.SIGINT)
signal.raise_signal(signal.SIGINT)
print("SIGINT handled", got)
signal.signal(signal.SIGINT, signal.default_int_handler)

# setitimer(): SIGALRM's handler runs during the sleep; the sleep then goes on to its end.
alarms = []
signal.signal(signal.SIGALRM, lambda s, f: alarms.append(s))
t0 = time.monotonic()
print(signal.setitimer(signal.ITIMER_REAL, 0.1))
time.sleep(0.3)
print("alarms", alarms, "slept full time:", time.monotonic() - t0 >= 0.3)

# A handler that raises interrupts the sleep.
def wake(signum, frame):
    raise TimeoutError("alarm")
signal.signal(signal.SIGALRM, wake)
signal.setitimer(signal.ITIMER_REAL, 0.1)
t0 = time.monotonic()
try:
    time.sleep(10)
except TimeoutError as e:
    print("sleep interrupted:", e, time.monotonic() - t0 < 5)

# ... and a wait on a lock, an Event and a join.
lock = threading.Lock()
lock.acquire()
for name, wait in [("lock", lock.acquire), ("event", threading.Event().wait),
                   ("timed event", lambda: threading.Event().wait(10))]:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    t0 = time.monotonic()
    try:
        wait()
        print(name, "not interrupted")
    except TimeoutError as e:
        print(name, "interrupted:", e, time.monotonic() - t0 < 5)

# A periodic timer, cleared from its own handler.
ticks = []
def tick(signum, frame):
    ticks.append(signum)
    if len(ticks) == 3:
        signal.setitimer(signal.ITIMER_REAL, 0)
signal.signal(signal.SIGALRM, tick)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
t0 = time.monotonic()
while len(ticks) < 3 and time.monotonic() - t0 < 5:
    time.sleep(0.01)
time.sleep(0.1)
print("ticks", ticks, signal.getitimer(signal.ITIMER_REAL))
print(signal.alarm(0))
signal.signal(signal.SIGALRM, signal.SIG_DFL)
