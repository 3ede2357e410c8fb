# queue.Queue / LifoQueue / PriorityQueue without threads: ordering, sizes, Empty/Full, timeouts, task_done/join.
import queue


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Empty.__name__, queue.Full.__name__)

q = queue.Queue()
print('maxsize', q.maxsize, 'qsize', q.qsize(), 'empty', q.empty(), 'full', q.full())
for i in range(5):
    q.put(i)
q.put_nowait('five')
print('qsize', q.qsize(), 'empty', q.empty(), 'full', q.full(), 'unfinished', q.unfinished_tasks)
print([q.get() for _ in range(3)], q.get_nowait(), q.get(block=False), q.get(timeout=1))
show('get_nowait on empty', q.get_nowait)
show('get block=False', lambda: q.get(False))
show('get timeout=0', lambda: q.get(timeout=0))
show('get timeout=0.01', lambda: q.get(True, 0.01))
show('get negative timeout', lambda: q.get(timeout=-1))
show('get block=False negative timeout', lambda: q.get(False, -1))
q.put('x')
show('get negative timeout, not empty', lambda: q.get(timeout=-1))
show('get non-blocking ignores timeout', lambda: q.get(False, -5))
# An unbounded queue never blocks on put, so its timeout is not checked.
show('unbounded put negative timeout', lambda: q.put('y', timeout=-1))
show('get', q.get)

b = queue.Queue(maxsize=2)
print('maxsize', b.maxsize)
b.put('a')
b.put('b', block=False)
print('full', b.full(), 'qsize', b.qsize())
show('put_nowait on full', lambda: b.put_nowait('c'))
show('put block=False', lambda: b.put('c', False))
show('put timeout=0', lambda: b.put('c', timeout=0))
show('put timeout=0.01', lambda: b.put('c', True, 0.01))
show('put negative timeout', lambda: b.put('c', timeout=-0.5))
print(b.get(), b.full())
show('put negative timeout, not full', lambda: b.put('c', timeout=-0.5))
show('put timeout', lambda: b.put('c', timeout=5))
print([b.get(), b.get()], b.empty())

for size in (0, -1, -10):
    z = queue.Queue(size)
    for i in range(100):
        z.put_nowait(i)
    print('maxsize', size, 'qsize', z.qsize(), 'full', z.full())

# task_done / join
t = queue.Queue()
t.join()  # nothing was put: returns at once
show('task_done on fresh queue', t.task_done)
for i in range(3):
    t.put(i)
print('unfinished', t.unfinished_tasks)
for i in range(3):
    t.get()
    t.task_done()
print('unfinished', t.unfinished_tasks)
t.join()
show('task_done too many', t.task_done)
print('unfinished', t.unfinished_tasks)

# LIFO
lq = queue.LifoQueue()
for c in 'abcde':
    lq.put(c)
print('lifo', lq.qsize(), [lq.get() for _ in range(5)], lq.empty())
show('lifo get_nowait', lq.get_nowait)
lb = queue.LifoQueue(1)
lb.put(1)
show('lifo put_nowait full', lambda: lb.put_nowait(2))

# Priority
pq = queue.PriorityQueue()
data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 3, 5]
for x in data:
    pq.put(x)
print('priority', [pq.get() for _ in range(len(data))])
pq = queue.PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'A'), (0, 'z')]:
    pq.put(item)
print('priority tuples', [pq.get_nowait() for _ in range(5)])
words = 'the quick brown fox jumps over the lazy dog'.split()
pq = queue.PriorityQueue()
for w in words:
    pq.put(w)
print('priority words', [pq.get() for _ in words])
big = queue.PriorityQueue()
vals = [(i * 7919) % 1009 for i in range(300)]
for v in vals:
    big.put(v)
out = [big.get() for _ in vals]
print('priority big sorted', out == sorted(vals), len(out))

# The underlying container and subclass hooks.
q = queue.Queue()
for i in range(4):
    q.put(i)
print('queue attr', list(q.queue), len(q.queue))


class EvenFirst(queue.Queue):
    def _init(self, maxsize):
        self.evens = []
        self.odds = []

    def _qsize(self):
        return len(self.evens) + len(self.odds)

    def _put(self, item):
        (self.odds if item % 2 else self.evens).append(item)

    def _get(self):
        return self.evens.pop(0) if self.evens else self.odds.pop(0)


e = EvenFirst(maxsize=6)
for i in range(6):
    e.put(i)
show('subclass full put', lambda: e.put_nowait(6))
print('subclass', [e.get() for _ in range(6)])

print(queue.Queue[int], queue.LifoQueue[str], queue.PriorityQueue[float], queue.SimpleQueue[bytes])
print(sorted(n for n in queue.__all__ if n != 'ShutDown'))
