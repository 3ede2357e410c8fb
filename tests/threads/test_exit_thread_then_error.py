# An uncaught exception in the main thread still waits for non-daemon threads before the process exits with status 1.
import threading
import time

def worker():
    time.sleep(0.05)
    print("worker done")
threading.Thread(target=worker).start()
print("main raising")
raise ValueError("main thread failed")
