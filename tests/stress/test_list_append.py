# Many threads appending to / extending one shared list: no item is lost or
# duplicated, and the list stays consistent while others read it.
import sys
import threading

sys.setswitchinterval(1e-5)
N = 8
K = 6000


def run_threads(target, n=N):
    barrier = threading.Barrier(n)
    threads = [threading.Thread(target=target, args=(t, barrier)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


# 1. append from N threads: exact length and contents.
shared = []


def appender(t, barrier):
    barrier.wait()
    for i in range(K):
        shared.append(t * K + i)


run_threads(appender)
assert len(shared) == N * K, len(shared)
assert sorted(shared) == list(range(N * K))
# Each thread's items keep their relative order.
for t in range(N):
    mine = [x for x in shared if x // K == t]
    assert mine == list(range(t * K, (t + 1) * K))
print("append ok", len(shared))

# 2. extend (with lists, tuples, generators), += and insert, mixed.
shared = []


def extender(t, barrier):
    barrier.wait()
    base = t * K
    for i in range(0, K, 6):
        shared.extend([base + i, base + i + 1])
        shared.extend((base + i + 2,))
        shared.extend(base + j for j in (i + 3, i + 4))
        shared.insert(len(shared) // 2, base + i + 5)


run_threads(extender)
assert len(shared) == N * K, len(shared)
assert sorted(shared) == list(range(N * K))
print("extend ok")

# 3. heap objects (tuples, strings): appended by some, read by others meanwhile.
shared = []
done = threading.Event()
seen_bad = []


def producer(t, barrier):
    barrier.wait()
    for i in range(K // 2):
        shared.append((t, i, "item-%d-%d" % (t, i)))


def reader(t, barrier):
    barrier.wait()
    n = 0
    while not done.is_set() or n < 3:
        size = len(shared)
        for i in range(0, size, 97):
            item = shared[i]
            if not (isinstance(item, tuple) and item[2] == "item-%d-%d" % (item[0], item[1])):
                seen_bad.append(item)
        n += 1


R = 3
barrier = threading.Barrier(N)
producers = [threading.Thread(target=producer, args=(t, barrier)) for t in range(N - R)]
readers = [threading.Thread(target=reader, args=(t, barrier)) for t in range(R)]
for th in producers + readers:
    th.start()
for th in producers:
    th.join()
done.set()
for th in readers:
    th.join()
assert not seen_bad, seen_bad[:3]
assert len(shared) == (N - R) * (K // 2)
assert len(set(shared)) == len(shared)
print("read while appending ok")
