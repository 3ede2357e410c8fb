"""C implementation of the Python queue module.
This module is an implementation detail, please do not use it directly."""
# _queue — SimpleQueue and Empty for the queue module (CPython keeps them in
# its C module _queue; weft's are Python, so their reprs, e.g.
# <class '_queue.Empty'>, match). Also a small deque for when
# collections.deque is missing.
#
# Invariant: a SimpleQueue's semaphore value equals the number of items it
# holds; its deque changes only under its lock.

import threading

try:
    from collections import deque as _deque
except ImportError:
    _deque = None

_GenericAlias = type(list[int])

class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


def _check_timeout(timeout):
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


if _deque is None:
    class _deque:
        # A FIFO for when collections.deque is missing: items enter on
        # `_back` and leave from the end of `_front`, which holds the oldest
        # items in reverse order (amortized O(1) each way). `_back` is never
        # replaced, so `append` can be its bound list.append (a C call). Not
        # thread-safe: its owners lock around it.
        __slots__ = ('_front', '_back', 'append')

        def __init__(self, iterable=()):
            self._front = []
            self._back = list(iterable)
            self.append = self._back.append

        def appendleft(self, item):
            self._front.append(item)

        def popleft(self):
            front = self._front
            if not front:
                if not self._back:
                    raise IndexError('pop from an empty deque')
                front = self._back[::-1]
                self._back.clear()
                self._front = front
            return front.pop()

        def pop(self):
            if self._back:
                return self._back.pop()
            if not self._front:
                raise IndexError('pop from an empty deque')
            return self._front.pop(0)

        def clear(self):
            self._front = []
            self._back.clear()

        def __len__(self):
            return len(self._front) + len(self._back)

        def __bool__(self):
            return bool(self._front) or bool(self._back)

        def __iter__(self):
            return iter(self._front[::-1] + self._back)

        def __contains__(self, item):
            return item in self._front or item in self._back

        def __repr__(self):
            return 'deque(%r)' % (list(self),)


class SimpleQueue:
    '''Simple, unbounded, reentrant FIFO queue.'''

    # The items live in a deque guarded by _lock (held only for the append
    # or popleft itself, never while waiting); _count, a semaphore, holds one
    # unit per item, so a get() that acquired a unit always finds an item.

    def __init__(self):
        self._queue = _deque()
        self._lock = threading.Lock()
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        '''Put the item on the queue.

        The optional 'block' and 'timeout' arguments are ignored, as this method
        never blocks.  They are provided for compatibility with the Queue class.
        '''
        with self._lock:
            self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.

        If optional args 'block' is true and 'timeout' is None (the default),
        block if necessary until an item is available. If 'timeout' is
        a non-negative number, it blocks at most 'timeout' seconds and raises
        the Empty exception if no item was available within that time.
        Otherwise ('block' is false), return an item if one is immediately
        available, else raise the Empty exception ('timeout' is ignored
        in that case).
        '''
        if not block:
            got = self._count.acquire(False)
        elif timeout is None:
            got = self._count.acquire()
        else:
            _check_timeout(timeout)
            got = self._count.acquire(True, timeout)
        if not got:
            raise Empty
        with self._lock:
            return self._queue.popleft()

    def put_nowait(self, item):
        '''Put an item into the queue without blocking.

        This is exactly equivalent to `put(item, block=False)` and is only provided
        for compatibility with the Queue class.
        '''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item from the queue without blocking.

        Only get an item if one is immediately available. Otherwise
        raise the Empty exception.
        '''
        return self.get(False)

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        with self._lock:
            return not self._queue

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        with self._lock:
            return len(self._queue)

    __class_getitem__ = classmethod(_GenericAlias)
