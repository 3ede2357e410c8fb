# At exit the main module's globals are cleared as in CPython (names with one
# leading underscore first, then the rest), so objects only they hold are
# finalized: __del__ runs, after atexit callbacks. That includes an object
# that other threads kept reading (weft shares such objects between threads
# and frees them through its deferred sweep).
import atexit
import threading


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name)


first = Noisy("first")
_private = Noisy("_private")
second = Noisy("second")
shared = Noisy("shared")
kept = [Noisy("in a list")]


def reader():
    for _ in range(100):
        assert shared.name == "shared"


threads = [threading.Thread(target=reader) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

atexit.register(print, "atexit callback")
print("end of script")
