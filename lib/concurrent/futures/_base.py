# concurrent.futures._base — Future, the waiting functions (wait,
# as_completed) and the Executor base class. weft's own implementation,
# written from the documented behaviour of CPython's module.
#
# Invariants:
# - A Future's _state, _result, _exception, _done_callbacks and _waiters
#   change only while its _condition is held. The state only moves forward:
#   PENDING -> RUNNING -> FINISHED, or PENDING -> CANCELLED ->
#   CANCELLED_AND_NOTIFIED (the executor told the waiters).
# - Done callbacks run after the condition is released, each exactly once:
#   they are queued while the future is not done, called right away after.
# - A _Waiter is in the _waiters list of every future it watches from the
#   moment wait()/as_completed() installs it (holding all the futures'
#   conditions) until that function removes it again.

import sys
import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
# What wait() and as_completed() count as done: a cancelled future counts
# only once its executor has noticed (set_running_or_notify_cancel).
_WAIT_DONE_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)

_GenericAlias = type(list[int])


def _report_callback_error(future):
    # Stands in for logging's LOGGER.exception() (no logging module yet):
    # a message line, then the traceback of the exception being handled.
    exc = sys.exception()
    try:
        sys.stderr.write('exception calling callback for %r\n' % (future,))
        sys.excepthook(type(exc), exc, exc.__traceback__)
        sys.stderr.flush()
    except Exception:
        pass


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError  # the builtin one since Python 3.11


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """Raised when a executor has become non-functional after a severe failure."""


class _Waiter:
    # Collects the futures that complete while wait() or as_completed()
    # watches them, and sets `event` when the caller should look: at every
    # completion (as_completed, FIRST_COMPLETED), at the first exception
    # (FIRST_EXCEPTION), or when `pending` watched futures have completed.
    # Futures call add_* holding their own condition; `lock` guards the list
    # and the count against futures completing in several threads.

    def __init__(self, mode, pending):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished_futures = []
        self.mode = mode
        self.pending = pending

    def _add(self, future, raised):
        with self.lock:
            self.finished_futures.append(future)
            if self.mode in (_AS_COMPLETED, FIRST_COMPLETED) or (raised and self.mode == FIRST_EXCEPTION):
                self.event.set()
            else:
                self.pending -= 1
                if self.pending == 0:
                    self.event.set()

    def add_result(self, future):
        self._add(future, False)

    def add_exception(self, future):
        self._add(future, True)

    def add_cancelled(self, future):
        self._add(future, False)

    def take(self):
        # as_completed: the futures finished since the last take, oldest first.
        with self.lock:
            taken = self.finished_futures
            self.finished_futures = []
            self.event.clear()
        return taken


class _AllConditions:
    # Holds the conditions of many futures at once, always taken in the same
    # (id) order so that two callers cannot deadlock.

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for f in self.futures:
            f._condition.acquire()

    def __exit__(self, *exc_info):
        for f in self.futures:
            f._condition.release()


def _install_waiter(fs, mode):
    # Called with every condition of fs held.
    if mode not in (_AS_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return condition: %r" % mode)
    pending = 0
    for f in fs:
        if f._state not in _WAIT_DONE_STATES:
            pending += 1
    waiter = _Waiter(mode, pending)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _uninstall_waiter(fs, waiter):
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)


def as_completed(fs, timeout=None):
    """An iterator over the given futures that yields each as it completes.

    Duplicates in fs are yielded once. Raises TimeoutError if the futures do
    not all complete within timeout seconds (None: no limit).
    """
    if timeout is not None:
        deadline = time.monotonic() + timeout
    watched = set(fs)
    total = len(watched)
    with _AllConditions(watched):
        ready = [f for f in watched if f._state in _WAIT_DONE_STATES]
        waiter = _install_waiter(watched, _AS_COMPLETED)
    ready.reverse()  # pop() yields in list order
    # `watched` keeps the futures not yet yielded: the waiter must leave
    # their lists at the end; the yielded ones already dropped it.
    try:
        while True:
            while ready:
                f = ready.pop()
                watched.discard(f)
                with f._condition:
                    f._waiters.remove(waiter)
                yield f
                f = None
            if not watched:
                return
            if timeout is None:
                waiter.event.wait()
            else:
                remaining = deadline - time.monotonic()
                if remaining < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(watched), total))
                waiter.event.wait(remaining)
            # Futures finished before the install were already yielded.
            ready = [f for f in waiter.take() if f in watched]
            ready.reverse()
    finally:
        _uninstall_waiter(watched, waiter)


class DoneAndNotDoneFutures(tuple):
    'DoneAndNotDoneFutures(done, not_done)'

    # A named pair, as collections.namedtuple would make it.
    __slots__ = ()
    _fields = ('done', 'not_done')

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    done = property(lambda self: self[0], doc='Alias for field number 0')
    not_done = property(lambda self: self[1], doc='Alias for field number 1')

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self[0], self[1])

    def __getnewargs__(self):
        return (self[0], self[1])

    def _asdict(self):
        return {'done': self[0], 'not_done': self[1]}

    def _replace(self, **changes):
        done = changes.pop('done', self[0])
        not_done = changes.pop('not_done', self[1])
        if changes:
            raise ValueError('Got unexpected field names: %r' % list(changes))
        return DoneAndNotDoneFutures(done, not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in the given sequence to complete.

    return_when is FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED (the
    default); timeout bounds the wait in seconds (None: no limit). Returns a
    named 2-tuple of sets (done, not_done); duplicates in fs appear once.
    """
    fs = set(fs)
    with _AllConditions(fs):
        done = set(f for f in fs if f._state in _WAIT_DONE_STATES)
        if done and return_when == FIRST_COMPLETED:
            return DoneAndNotDoneFutures(done, fs - done)
        if done and return_when == FIRST_EXCEPTION:
            for f in done:
                if f._state == FINISHED and f._exception is not None:
                    return DoneAndNotDoneFutures(done, fs - done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, fs - done)
        waiter = _install_waiter(fs, return_when)

    waiter.event.wait(timeout)
    _uninstall_waiter(fs, waiter)
    with waiter.lock:
        done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(future, timeout=None):
    # Executor.map: the result, cancelling the future if it is not done by then.
    try:
        return future.result(timeout)
    finally:
        future.cancel()
        future = None


class Future(object):
    """Represents the result of an asynchronous computation."""

    def __init__(self):
        """Initializes the future. Should not be called by clients."""
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            state = self._state
            head = '<%s at %#x state=%s' % (type(self).__name__, id(self), _STATE_TO_DESCRIPTION_MAP[state])
            if state != FINISHED:
                return head + '>'
            if self._exception:
                return '%s raised %s>' % (head, type(self._exception).__name__)
            return '%s returned %s>' % (head, type(self._result).__name__)

    def _call_callback(self, fn):
        try:
            fn(self)
        except Exception:
            _report_callback_error(self)

    def _run_callbacks(self):
        # Called once, after the future became done, without the condition.
        for fn in self._done_callbacks:
            self._call_callback(fn)

    def cancel(self):
        """Cancel the future if possible.

        Returns True if the future was cancelled, False otherwise. A future
        cannot be cancelled if it is running or has already completed.
        """
        with self._condition:
            if self._state in _CANCELLED_STATES:
                return True
            if self._state != PENDING:
                return False
            self._state = CANCELLED
            self._condition.notify_all()
        self._run_callbacks()
        return True

    def cancelled(self):
        """Return True if the future was cancelled."""
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        """Return True if the future is currently executing."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """Return True if the future was cancelled or finished executing."""
        with self._condition:
            return self._state in _DONE_STATES

    def add_done_callback(self, fn):
        """Attaches a callable that will be called when the future finishes.

        fn is called with the future as its only argument, at once if the
        future is already done. Callbacks run in the order they were added;
        an exception raised by one is reported and otherwise ignored.
        """
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        self._call_callback(fn)

    def _wait_done(self, timeout):
        # With the condition held: wait until done or timeout; raise
        # CancelledError or TimeoutError unless it finished.
        if timeout is None:
            while self._state not in _DONE_STATES:
                self._condition.wait()
        elif self._state not in _DONE_STATES:
            deadline = time.monotonic() + timeout
            while self._state not in _DONE_STATES:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._condition.wait(remaining)
        if self._state in _CANCELLED_STATES:
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()

    def result(self, timeout=None):
        """Return the result of the call that the future represents.

        Waits up to timeout seconds (None: no limit). Raises CancelledError
        if the future was cancelled, TimeoutError if it did not finish in
        time, and the call's exception if it raised one.
        """
        with self._condition:
            self._wait_done(timeout)
            exc = self._exception
            if exc is None:
                return self._result
        try:
            raise exc
        finally:
            exc = None  # no cycle through this frame's traceback

    def exception(self, timeout=None):
        """Return the exception raised by the call that the future represents.

        None if the call returned normally. Waits up to timeout seconds (None:
        no limit); raises CancelledError or TimeoutError as result() does.
        """
        with self._condition:
            self._wait_done(timeout)
            return self._exception

    # For Executor implementations and unit tests.

    def set_running_or_notify_cancel(self):
        """Mark the future as running or process any cancel notifications.

        Returns False (and tells wait() and as_completed()) if the future was
        cancelled; otherwise marks it running and returns True. Raises
        RuntimeError if the future is already running or done.
        """
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            # As CPython's LOGGER.critical() report, then the error.
            try:
                sys.stderr.write('Future %s in unexpected state: %s\n' % (id(self), self._state))
            except Exception:
                pass
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                if exception is None:
                    waiter.add_result(self)
                else:
                    waiter.add_exception(self)
            self._condition.notify_all()
        self._run_callbacks()

    def set_result(self, result):
        """Sets the return value of work associated with the future."""
        self._finish(result, None)

    def set_exception(self, exception):
        """Sets the result of the future as being the given exception."""
        self._finish(None, exception)

    __class_getitem__ = classmethod(_GenericAlias)


class Executor(object):
    """This is an abstract base class for concrete asynchronous executors."""

    def submit(self, fn, /, *args, **kwargs):
        """Submits a callable to be executed with the given arguments.

        Schedules fn(*args, **kwargs) and returns a Future for its result.
        """
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1, buffersize=None):
        """Returns an iterator equivalent to map(fn, iter).

        The calls are submitted at once (at most buffersize ahead of the
        results consumed, when given); the results are yielded in order.
        Raises TimeoutError if a result is not ready timeout seconds after
        the call to map, and re-raises the exception of a call that failed.
        chunksize is ignored by ThreadPoolExecutor.
        """
        if buffersize is not None and not isinstance(buffersize, int):
            raise TypeError("buffersize must be an integer or None")
        if buffersize is not None and buffersize < 1:
            raise ValueError("buffersize must be None or > 0")
        if timeout is not None:
            deadline = time.monotonic() + timeout

        calls = zip(*iterables)
        pending = []  # futures, oldest first
        for args in calls:
            pending.append(self.submit(fn, *args))
            if buffersize is not None and len(pending) >= buffersize:
                break
        pending.reverse()  # oldest last: pop() takes it

        def results():
            try:
                while pending:
                    if buffersize is not None:
                        args = next(calls, None)
                        if args is not None:
                            pending.insert(0, self.submit(fn, *args))
                    if timeout is None:
                        yield _result_or_cancel(pending.pop())
                    else:
                        yield _result_or_cancel(pending.pop(), deadline - time.monotonic())
            finally:
                for f in pending:
                    f.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Clean-up the resources associated with the Executor.

        Safe to call several times; no other method may be called after it.
        wait: block until the running and pending calls are done.
        cancel_futures: cancel the calls that have not started.
        """
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
