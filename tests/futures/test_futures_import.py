# Importing the concurrent.futures package and its submodules in every form.
import concurrent
import concurrent.futures
import concurrent.futures._base
import concurrent.futures.thread as thread_mod
from concurrent.futures import thread, _base
from concurrent import futures
from concurrent.futures import *

print(concurrent.__name__, concurrent.futures.__name__, thread_mod.__name__, _base.__name__)
print(concurrent.futures.__package__, thread.__package__, _base.__package__)
print(thread is thread_mod, futures is concurrent.futures, concurrent.futures.thread is thread)
print(concurrent.futures._base is _base, hasattr(concurrent, '__path__'), hasattr(futures, '__path__'),
      hasattr(thread, '__path__'))
# 3.13 added InvalidStateError to __all__; weft has no process or interpreter pool.
print([n for n in sorted(futures.__all__)
       if n not in ('ProcessPoolExecutor', 'InterpreterPoolExecutor', 'InvalidStateError')])
print(futures.ThreadPoolExecutor is thread.ThreadPoolExecutor, futures.Future is _base.Future)
print(futures.TimeoutError is TimeoutError, futures.InvalidStateError is _base.InvalidStateError)
print(futures.FIRST_COMPLETED, futures.FIRST_EXCEPTION, futures.ALL_COMPLETED)
print(FIRST_COMPLETED, Future.__name__, ThreadPoolExecutor.__name__, wait.__name__, as_completed.__name__)
print(futures.ThreadPoolExecutor, futures.Future, futures.Executor)
print(futures.CancelledError, futures.BrokenExecutor, thread.BrokenThreadPool)
print(futures.Future[int], thread.ThreadPoolExecutor.__mro__[1] is futures.Executor)
print([c.__name__ for c in futures.CancelledError.__mro__])
print([c.__name__ for c in futures.InvalidStateError.__mro__])
print([c.__name__ for c in thread.BrokenThreadPool.__mro__])
print(issubclass(futures.CancelledError, _base.Error), issubclass(futures.BrokenExecutor, RuntimeError))
import sys
print('concurrent.futures.thread' in sys.modules, 'concurrent.futures._base' in sys.modules)
try:
    import concurrent.futures.nonexistent
except ImportError as e:
    print(type(e).__name__, e)
try:
    from concurrent.futures import nonexistent_name
except ImportError as e:
    print(type(e).__name__)
