# concurrent.futures.thread — ThreadPoolExecutor. weft's own implementation,
# written from the documented behaviour of CPython's module.
#
# Invariants:
# - Work items travel through the pool's SimpleQueue; None there is a wake-up
#   that tells a worker to re-check whether the pool is shutting down (each
#   worker that exits puts a None back for the next one).
# - The pool state shared with the workers (_PoolState) does not reference
#   the executor, so an executor nobody uses any more is freed; its __del__
#   wakes the workers, which then exit as after shutdown(wait=False).
# - The idle semaphore's value counts workers waiting for work: submit()
#   takes one instead of starting a thread, so a pool never starts more
#   threads than it needs (at most max_workers).
# - shutdown, broken and the thread set change under the pool's
#   shutdown_lock; _shutting_down (interpreter exit) and _live_queues under
#   _global_lock.

import os
import queue
import sys
import threading

from . import _base

__all__ = ['ThreadPoolExecutor', 'BrokenThreadPool']

# Interpreter exit: every live pool's workers are woken and joined, so work
# already submitted still runs, as in CPython.
_global_lock = threading.Lock()
_shutting_down = False
_live_queues = {}  # worker Thread -> its pool's work queue (under _global_lock)


def _python_exit():
    global _shutting_down
    with _global_lock:
        _shutting_down = True
        workers = list(_live_queues.items())
    for t, q in workers:
        q.put(None)
    for t, q in workers:
        t.join()


# Register with threading so this runs before the non-daemon threads are
# joined at exit. Without that hook the workers are daemon threads.
_register_atexit = getattr(threading, '_register_atexit', None)
if _register_atexit is not None:
    _register_atexit(_python_exit)
_WORKERS_DAEMON = _register_atexit is None


class BrokenThreadPool(_base.BrokenExecutor):
    """
    Raised when a worker thread in a ThreadPoolExecutor failed initializing.
    """


class _WorkItem:
    __slots__ = ('future', 'fn', 'args', 'kwargs')

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None  # the traceback must not keep the item alive
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(type(list[int]))


class _PoolState:
    # What the workers of one pool share with it (see the invariants).
    __slots__ = ('work_queue', 'idle', 'shutdown_lock', 'shutdown', 'broken', 'abandoned',
                 'initializer', 'initargs')

    def __init__(self, initializer, initargs):
        self.work_queue = queue.SimpleQueue()
        self.idle = threading.Semaphore(0)
        self.shutdown_lock = threading.Lock()
        self.shutdown = False
        self.broken = False
        self.abandoned = False  # the executor was freed
        self.initializer = initializer
        self.initargs = initargs

    def fail_pending(self):
        # A worker's initializer raised: the pool is broken; fail the queued work.
        with self.shutdown_lock:
            self.broken = ('A thread initializer failed, the thread pool '
                           'is not usable anymore')
            while True:
                try:
                    item = self.work_queue.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item.future.set_exception(BrokenThreadPool(self.broken))


def _report(message):
    # Stands in for logging's LOGGER.critical(message, exc_info=True).
    exc = sys.exception()
    try:
        sys.stderr.write(message + '\n')
        if exc is not None:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        sys.stderr.flush()
    except Exception:
        pass


def _worker(state):
    me = threading.current_thread()
    try:
        if state.initializer is not None:
            try:
                state.initializer(*state.initargs)
            except BaseException:
                _report('Exception in initializer:')
                state.fail_pending()
                return
        work_queue = state.work_queue
        while True:
            try:
                item = work_queue.get_nowait()
            except queue.Empty:
                # Nothing to do: count as idle so submit() reuses this thread.
                state.idle.release()
                item = work_queue.get(block=True)
            if item is not None:
                item.run()
                item = None
                continue
            # A wake-up: exit if the pool or the interpreter is shutting down.
            if _shutting_down or state.shutdown or state.abandoned:
                state.shutdown = True
                work_queue.put(None)  # pass the wake-up on to the next worker
                return
    except BaseException:
        _report('Exception in worker')
    finally:
        with _global_lock:
            _live_queues.pop(me, None)


class ThreadPoolExecutor(_base.Executor):

    # Numbers the default thread name prefixes (ThreadPoolExecutor-N).
    _counter_lock = threading.Lock()
    _counter_value = 0

    @classmethod
    def _next_pool_number(cls):
        with ThreadPoolExecutor._counter_lock:
            n = ThreadPoolExecutor._counter_value
            ThreadPoolExecutor._counter_value = n + 1
        return n

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new ThreadPoolExecutor instance.

        Args:
            max_workers: The maximum number of threads that can be used to
                execute the given calls.
            thread_name_prefix: An optional name prefix to give our threads.
            initializer: A callable used to initialize worker threads.
            initargs: A tuple of arguments to pass to the initializer.
        """
        if max_workers is None:
            # As CPython 3.13+: I/O-bound work benefits from more threads
            # than CPUs; at most 32 so big machines do not start hundreds.
            cpus = getattr(os, 'process_cpu_count', os.cpu_count)()
            max_workers = min(32, (cpus or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._state = _PoolState(initializer, initargs)
        self._work_queue = self._state.work_queue
        self._idle_semaphore = self._state.idle
        self._shutdown_lock = self._state.shutdown_lock
        self._threads = set()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._next_pool_number()))
        self._initializer = initializer
        self._initargs = initargs

    @property
    def _shutdown(self):
        return self._state.shutdown

    @property
    def _broken(self):
        return self._state.broken

    def submit(self, fn, /, *args, **kwargs):
        state = self._state
        with state.shutdown_lock, _global_lock:
            if state.broken:
                raise BrokenThreadPool(state.broken)
            if state.shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutting_down:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            state.work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # Called by submit() with the shutdown lock and _global_lock held.
        # An idle worker will take the item: start nothing.
        if self._state.idle.acquire(False):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=name, target=_worker, args=(self._state,),
                                 daemon=_WORKERS_DAEMON)
            _live_queues[t] = self._state.work_queue
            try:
                t.start()
            except BaseException:
                _live_queues.pop(t, None)
                raise
            self._threads.add(t)

    def _initializer_failed(self):
        self._state.fail_pending()

    def shutdown(self, wait=True, *, cancel_futures=False):
        state = self._state
        with state.shutdown_lock:
            state.shutdown = True
            if cancel_futures:
                # Cancel the calls that no worker has taken yet.
                while True:
                    try:
                        item = state.work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            # Wake a worker; each one that exits wakes the next.
            state.work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__

    def __del__(self):
        # Unused executor: let its workers exit once the queue drains.
        state = getattr(self, '_state', None)
        if state is not None and not state.abandoned:
            state.abandoned = True
            state.work_queue.put(None)
