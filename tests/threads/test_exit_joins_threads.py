# Interpreter exit: non-daemon threads are joined (their output comes after the main script's), threading._register_atexit callbacks run first.
import threading
import time

release = threading.Event()
def worker():
    release.wait()
    time.sleep(0.02)
    print("worker finished after main")
def second():
    time.sleep(0.05)
    print("second worker finished")

threading.Thread(target=worker).start()
threading.Thread(target=second).start()
threading._register_atexit(lambda: print("atexit callback runs first"))
threading._register_atexit(release.set)
print("end of main script")
