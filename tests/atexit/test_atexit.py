# atexit: callbacks run at exit, last registered first, with their arguments;
# unregister removes every registration of a function; a callback that
# raises is reported and the others still run; callbacks run after
# non-daemon threads have finished; registration works from any thread.
import atexit
import threading
import time


def hello(who, punct="!"):
    print("hello", who + punct)


def first():
    print("registered first, runs last")


def boom():
    raise ZeroDivisionError("division by zero")


def removed():
    print("never printed")


atexit.register(first)
atexit.register(hello, "world")
atexit.register(hello, "kwargs", punct="?")
atexit.register(removed)
atexit.register(boom)
atexit.register(removed)
atexit.unregister(removed)
atexit.unregister(lambda: None)  # not registered: nothing happens


@atexit.register
def decorated():
    print("decorated runs first")


print(decorated.__name__)

try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)


def from_thread():
    atexit.register(print, "registered by a thread")


t = threading.Thread(target=from_thread)
t.start()
t.join()


def late():
    time.sleep(0.05)
    print("non-daemon thread finished")


threading.Thread(target=late).start()
print("main done")
