# Many threads appending to and extending one shared bytearray while others
# read it: the final length and the count of every byte value are exact.
import sys
import threading

sys.setswitchinterval(1e-5)
N = 8
K = 20000
buf = bytearray()
bad = []
stop = threading.Event()


def writer(t, barrier):
    global buf
    barrier.wait()
    b = t + 1
    for i in range(K):
        buf.append(b)
        if i % 4 == 0:
            buf.extend(bytes([b, b]))
            buf += bytes([b])


def reader(t, barrier):
    barrier.wait()
    while not stop.is_set():
        n = len(buf)
        for i in (0, n // 2, n - 1):
            try:
                x = buf[i]
            except IndexError:
                continue
            if not 1 <= x <= N:
                bad.append(x)
        chunk = bytes(buf[-64:])
        if any(not 1 <= x <= N for x in chunk):
            bad.append(chunk)


W = N - 2
barrier = threading.Barrier(N)
writers = [threading.Thread(target=writer, args=(t, barrier)) for t in range(W)]
readers = [threading.Thread(target=reader, args=(t, barrier)) for t in range(N - W)]
for th in writers + readers:
    th.start()
for th in writers:
    th.join()
stop.set()
for th in readers:
    th.join()
assert not bad, bad[:3]
per_thread = K + 3 * (K // 4)
assert len(buf) == W * per_thread, len(buf)
for t in range(W):
    assert buf.count(t + 1) == per_thread
print("bytearray ok", len(buf))

# Shrinking while others read: pops and deletes keep it consistent.
buf = bytearray(b"\x01" * (W * K))


def shrinker(t, barrier):
    barrier.wait()
    for i in range(K // 2):
        try:
            buf.pop()
        except IndexError:
            pass
        if i % 100 == 0:
            del buf[:10]


barrier = threading.Barrier(W)
ths = [threading.Thread(target=shrinker, args=(t, barrier)) for t in range(W)]
for th in ths:
    th.start()
for th in ths:
    th.join()
assert set(buf) <= {1}
assert len(buf) == max(0, W * K - W * (K // 2) - W * 10 * len(range(0, K // 2, 100)))
print("shrink ok")
