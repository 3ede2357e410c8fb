# New threads start with a copy of their starter's context (threading.Thread and ThreadPoolExecutor workers).
# Differs from CPython 3.11 on purpose: weft follows CPython 3.14's free-threaded default
# (sys.flags.thread_inherit_context == 1), while 3.11 starts every thread with an empty
# context and has no Thread(context=...). So weft's stdout is compared with
# test_contextvars_inherit.expected; under 3.11 the file still runs (exit 0).
import sys
import threading
from contextvars import ContextVar, Context, copy_context
from concurrent.futures import ThreadPoolExecutor

var = ContextVar('var', default='default')
other = ContextVar('other', default='-')

print('thread_inherit_context', getattr(sys.flags, 'thread_inherit_context', 'absent'))


def run_in_thread(fn, **kw):
    out = []
    t = threading.Thread(target=lambda: out.append(fn()), **kw)
    t.start()
    t.join()
    return out[0]


# Nothing set yet: the same everywhere.
print('fresh', run_in_thread(var.get))

var.set('main')
print('main sets, thread sees', run_in_thread(var.get))


def change():
    var.set('changed in thread')
    other.set('new in thread')
    return var.get(), other.get()


print('thread changes', run_in_thread(change))
print('main keeps', var.get(), other.get())

# The copy is taken when the thread starts (start(), not Thread()).
t_out = []
t = threading.Thread(target=lambda: t_out.append(var.get()))
var.set('set after Thread() before start()')
t.start()
t.join()
print('copied at start', t_out[0])
var.set('main')

# A thread started inside Context.run inherits that context.
ctx = Context()
ctx.run(var.set, 'in ctx')
print('started inside run', ctx.run(run_in_thread, var.get))

# Grandchildren inherit from their own starter.
def child():
    var.set('child')
    return run_in_thread(lambda: (var.get(), other.get()))


print('grandchild', run_in_thread(child))

# Thread(context=...) (3.14): run in exactly that context.
explicit = Context()
explicit.run(other.set, 'explicit')
try:
    print('explicit context', run_in_thread(lambda: (var.get(), other.get()), context=explicit))
    print('explicit fresh Context()', run_in_thread(var.get, context=Context()))
except TypeError:
    print('Thread() has no context parameter')

# ThreadPoolExecutor workers are threads too: they inherit from the thread that starts them.
var.set('before pool')
with ThreadPoolExecutor(max_workers=1) as ex:
    print('pool worker', ex.submit(var.get).result())
    var.set('after worker started')
    print('same worker keeps its copy', ex.submit(var.get).result())
var.set('main')

# Sets in many threads never leak back or sideways.
seen = []
lock = threading.Lock()


def worker(k):
    before = var.get()
    var.set(k)
    with lock:
        seen.append((before, var.get()))


ts = [threading.Thread(target=worker, args=(k,)) for k in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('workers', sorted(seen), 'main', var.get(), len(copy_context()))
