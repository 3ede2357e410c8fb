# _thread.interrupt_main(): simulates a signal in the main thread (KeyboardInterrupt by
# default, or the installed handler); from the main thread it takes effect at once; a signal
# whose action is SIG_DFL / SIG_IGN is not simulated; argument errors.
import _thread
import signal
import threading
import time

# From the main thread: the handler runs when the call returns.
try:
    _thread.interrupt_main()
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt at the call")

# From a worker while the main thread is busy.
def interrupter():
    time.sleep(0.05)
    _thread.interrupt_main()
t = threading.Thread(target=interrupter)
t.start()
try:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        pass
    print("not interrupted")
except KeyboardInterrupt:
    print("busy main thread interrupted")
t.join()

# From a worker while the main thread waits for it.
def late_interrupter():
    time.sleep(0.1)
    _thread.interrupt_main()
    time.sleep(0.2)
t = threading.Thread(target=late_interrupter)
t.start()
try:
    t.join()
    for _ in range(100):  # the exception may come at the next check after the join
        time.sleep(0.01)
    print("not interrupted")
except KeyboardInterrupt:
    print("waiting main thread interrupted")
t.join()

# With a custom handler for SIGINT.
got = []
old = signal.signal(signal.SIGINT, lambda signum, frame: got.append(signum))
_thread.interrupt_main()
def interrupt_and_linger():
    _thread.interrupt_main()
    time.sleep(0.1)
t = threading.Thread(target=interrupt_and_linger)
t.start()
t.join()
deadline = time.monotonic() + 5
while len(got) < 2 and time.monotonic() < deadline:
    time.sleep(0.01)
print("handler calls", got)
signal.signal(signal.SIGINT, old)

# Other signals: nothing happens unless Python handles them.
_thread.interrupt_main(signal.SIGUSR1)  # SIG_DFL: not simulated (would kill the process)
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
_thread.interrupt_main(signal.SIGUSR2)
print("SIG_DFL / SIG_IGN: nothing")
signal.signal(signal.SIGUSR1, lambda signum, frame: got.append(signum))
_thread.interrupt_main(signal.SIGUSR1)
print("handler calls", got)

# SIGINT set to SIG_IGN: interrupt_main() does nothing.
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
print("SIGINT ignored: nothing")
signal.signal(signal.SIGINT, signal.default_int_handler)

for args, kwargs in [((0,), {}), ((signal.NSIG,), {}), ((-5,), {}), (("x",), {}), ((2.0,), {}),
                     ((1, 2), {}), ((), {"signum": 2})]:
    try:
        _thread.interrupt_main(*args, **kwargs)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
print(_thread.interrupt_main.__doc__.splitlines()[0])
