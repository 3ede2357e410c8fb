# queue.SimpleQueue: FIFO order, sizes, Empty, timeouts, and use from several threads.
import queue
import threading


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


sq = queue.SimpleQueue()
print('empty', sq.empty(), 'qsize', sq.qsize())
for i in range(5):
    sq.put(i)
sq.put_nowait('five')
sq.put('six', block=False, timeout=-3)  # never blocks: block and timeout are ignored
print('empty', sq.empty(), 'qsize', sq.qsize())
print([sq.get() for _ in range(3)], sq.get_nowait(), sq.get(False), sq.get(timeout=1), sq.get(True, None))
show('get_nowait on empty', sq.get_nowait)
show('get block=False', lambda: sq.get(block=False))
show('get timeout=0', lambda: sq.get(timeout=0))
show('get timeout=0.01', lambda: sq.get(timeout=0.01))
show('get negative timeout', lambda: sq.get(timeout=-1))
show('get non-blocking ignores timeout', lambda: sq.get(False, -1))
sq.put(None)
show('get None item', sq.get)
print(hasattr(sq, 'task_done'), hasattr(sq, 'join'), hasattr(sq, 'full'))

# Producers in threads, one consumer in the main thread.
sq = queue.SimpleQueue()
N, PER = 4, 300


def produce(k):
    for i in range(PER):
        sq.put((k, i))


ts = [threading.Thread(target=produce, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
items = [sq.get() for _ in range(N * PER)]
for t in ts:
    t.join()
print('got', len(items), 'empty', sq.empty())
print('all distinct', len(set(items)) == N * PER)
print('per-producer FIFO', all([i for (k, i) in items if k == p] == list(range(PER)) for p in range(N)))

# Consumers blocked in get() are woken by puts.
sq = queue.SimpleQueue()
results = []
lock = threading.Lock()


def consume():
    while True:
        x = sq.get()
        if x is None:
            return
        with lock:
            results.append(x)


cs = [threading.Thread(target=consume) for _ in range(3)]
for t in cs:
    t.start()
for i in range(200):
    sq.put(i)
for _ in cs:
    sq.put(None)
for t in cs:
    t.join()
print('consumed', len(results), sorted(results) == list(range(200)))
