# An exception escaping a _thread.start_new_thread function is reported ("Exception ignored in thread started by").
import _thread
import time

done = _thread.allocate_lock()
done.acquire()
def failing():
    try:
        raise ValueError("raised in a raw thread")
    finally:
        done.release()
_thread.start_new_thread(failing, ())
done.acquire()
time.sleep(0.1)
print("main continues")
