# Concurrent lst[i] reads while other threads append, pop, replace items and
# sort: readers only ever see items that were put in the list (or IndexError),
# and the items popped are exactly the items appended.
import sys
import threading

sys.setswitchinterval(1e-5)
N = 6
K = 30000
shared = [("seed", i) for i in range(64)]
slots = [("seed", i) for i in range(16)]
popped = [[] for _ in range(N)]
bad = []
stop = threading.Event()


def valid(item):
    return isinstance(item, tuple) and len(item) == 2 and (item[0] == "seed" or isinstance(item[0], int))


def churn(t, barrier):
    barrier.wait()
    for i in range(K):
        shared.append((t, i))
        if i % 2:
            try:
                popped[t].append(shared.pop())
            except IndexError:
                pass
        if i % 50 == 0:
            # Replace items of another list (fresh tuples: the old ones die).
            slots[i % len(slots)] = (t, i)
        if i % 500 == 0:
            shared.reverse()


def read(t, barrier):
    barrier.wait()
    while not stop.is_set():
        n = len(shared)
        for i in (0, n // 3, n // 2, n - 1, -1, -n):
            try:
                item = shared[i]
            except IndexError:
                continue
            if not valid(item):
                bad.append(item)
        for item in shared[::53]:
            if not valid(item):
                bad.append(item)
        for i in range(len(slots)):
            if not valid(slots[i]):
                bad.append(slots[i])


barrier = threading.Barrier(N)
writers = [threading.Thread(target=churn, args=(t, barrier)) for t in range(N - 2)]
readers = [threading.Thread(target=read, args=(t, barrier)) for t in range(2)]
for th in writers + readers:
    th.start()
for th in writers:
    th.join()
stop.set()
for th in readers:
    th.join()

assert not bad, bad[:3]
appended = {(t, i) for t in range(N - 2) for i in range(K)}
all_popped = [x for p in popped for x in p]
remaining = [x for x in shared if x[0] != "seed"]
seeds = [x for x in shared if x[0] == "seed"]
# Every appended item is either still in the list or was popped, exactly once.
popped_items = [x for x in all_popped if x[0] != "seed"]
popped_seeds = [x for x in all_popped if x[0] == "seed"]
assert sorted(popped_items + remaining) == sorted(appended), (len(popped_items), len(remaining))
assert sorted(popped_seeds + seeds) == [("seed", i) for i in range(64)]
assert all(valid(x) for x in slots)
print("read/pop ok", len(shared) == len(remaining) + len(seeds))

# Sorting while others read and append: sort sees a consistent list; readers
# see valid items; appends that race the sort raise ValueError or survive.
data = [(i * 7919) % 10007 for i in range(5000)]
errors = []


def sorter(t, barrier):
    barrier.wait()
    for _ in range(60):
        try:
            data.sort()
            data.sort(key=lambda x: -x)
        except ValueError as e:
            errors.append(str(e))


def sort_reader(t, barrier):
    barrier.wait()
    for _ in range(200):
        for i in range(0, 5000, 250):
            try:
                x = data[i]
            except IndexError:
                continue
            if not isinstance(x, int):
                bad.append(x)


barrier = threading.Barrier(4)
ths = [threading.Thread(target=sorter, args=(t, barrier)) for t in range(2)]
ths += [threading.Thread(target=sort_reader, args=(t, barrier)) for t in range(2)]
for th in ths:
    th.start()
for th in ths:
    th.join()
assert not bad
assert sorted(data) == sorted((i * 7919) % 10007 for i in range(5000))
assert all(e == "list modified during sort" for e in errors)
print("sort ok")
