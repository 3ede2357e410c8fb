# threading.Semaphore / BoundedSemaphore: counting, blocking and timed acquire, release(n), bounds, errors.
import threading
import time

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release()
print(s.acquire(False))
s.release(2)
print(s.acquire(), s.acquire(), s.acquire(False))
s.release(2)
with s:
    print("in with")
for bad in [lambda: threading.Semaphore(-1), lambda: s.release(0), lambda: s.acquire(False, 1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
print(threading.Semaphore(0).acquire(timeout=0))

b = threading.BoundedSemaphore(2)
print(b.acquire(), b.acquire(), b.acquire(False))
b.release()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError", e)
b.acquire()
try:
    b.release(2)
except ValueError as e:
    print("ValueError", e)
b.release()
print(isinstance(b, threading.Semaphore))

# a blocked acquire is satisfied by a release from another thread
s = threading.Semaphore(0)
got = []
def taker():
    got.append(s.acquire(timeout=5))
ts = [threading.Thread(target=taker) for _ in range(3)]
for t in ts:
    t.start()
s.release(3)
for t in ts:
    t.join()
print(got)

# at most 3 threads inside at once
s = threading.Semaphore(3)
lock = threading.Lock()
inside = 0
peak = 0
def worker():
    global inside, peak
    for _ in range(50):
        with s:
            with lock:
                inside += 1
                peak = max(peak, inside)
            time.sleep(0)
            with lock:
                inside -= 1
ts = [threading.Thread(target=worker) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak <= 3:", peak <= 3, "inside:", inside)
