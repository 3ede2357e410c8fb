# queue.Queue across threads: producers/consumers with exact totals, blocking put/get woken by other threads, task_done/join.
import queue
import threading

# Several producers and consumers through one bounded queue; sentinels stop the consumers.
N_PRODUCERS, N_CONSUMERS, PER_PRODUCER = 4, 3, 250
q = queue.Queue(maxsize=8)
got = [[] for _ in range(N_CONSUMERS)]


def produce(base):
    for i in range(PER_PRODUCER):
        q.put(base * PER_PRODUCER + i)


def consume(slot):
    while True:
        item = q.get()
        try:
            if item is None:
                return
            got[slot].append(item)
        finally:
            q.task_done()


consumers = [threading.Thread(target=consume, args=(i,)) for i in range(N_CONSUMERS)]
producers = [threading.Thread(target=produce, args=(i,)) for i in range(N_PRODUCERS)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
q.join()  # every produced item has been task_done()
print('after join: unfinished', q.unfinished_tasks, 'qsize', q.qsize())
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
allitems = sorted(x for part in got for x in part)
print('items', len(allitems), allitems == list(range(N_PRODUCERS * PER_PRODUCER)))
# Each producer's items reach any one consumer in FIFO order.
in_order = True
for part in got:
    for p in range(N_PRODUCERS):
        mine = [x for x in part if x // PER_PRODUCER == p]
        in_order = in_order and mine == sorted(mine)
print('per-producer order kept', in_order)

# A get() blocked on an empty queue is woken by a put() from another thread.
q = queue.Queue()
started = threading.Event()
result = []


def getter():
    started.set()
    result.append(q.get())
    result.append(q.get(timeout=30))


t = threading.Thread(target=getter)
t.start()
started.wait()
q.put('first')
q.put('second')
t.join()
print('getter got', result)

# A put() blocked on a full queue is woken by a get() from another thread.
q = queue.Queue(1)
q.put('occupant')
done = threading.Event()


def putter():
    q.put('waiting', timeout=30)
    q.put('last')
    done.set()


t = threading.Thread(target=putter)
t.start()
print('got', q.get())
print('got', q.get())
print('got', q.get())
t.join()
print('putter done', done.is_set(), 'empty', q.empty())

# join() blocks until task_done() was called for every item.
q = queue.Queue()
log = []
for i in range(5):
    q.put(i)


def worker():
    while True:
        try:
            item = q.get_nowait()
        except queue.Empty:
            return
        log.append(item * 10)
        q.task_done()


workers = [threading.Thread(target=worker) for _ in range(2)]
for w in workers:
    w.start()
q.join()
print('joined', sorted(log), 'unfinished', q.unfinished_tasks)
for w in workers:
    w.join()

# LifoQueue and PriorityQueue shared by threads.
lq = queue.LifoQueue()
pq = queue.PriorityQueue()


def fill(start):
    for i in range(start, start + 100):
        lq.put(i)
        pq.put((i % 17, i))


ts = [threading.Thread(target=fill, args=(k * 100,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
lout = [lq.get() for _ in range(400)]
pout = [pq.get() for _ in range(400)]
print('lifo', len(lout), sorted(lout) == list(range(400)), lq.empty())
print('priority', pout == sorted(pout), pout[:3], pout[-2:])
