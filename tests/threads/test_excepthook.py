# threading.excepthook: a custom hook gets ExceptHookArgs; SystemExit is silent; the default hook reports on stderr.
import sys
import threading

print(threading.excepthook is threading.__excepthook__)
captured = []
def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.exc_traceback is not None,
                     args.thread.name, len(args), args[0] is args.exc_type))
threading.excepthook = hook

def boom():
    raise ValueError("bad value")
t = threading.Thread(target=boom, name="boomer")
t.start()
t.join()
print(captured, t.is_alive())

def leave():
    sys.exit(3)
t = threading.Thread(target=leave, name="leaver")
t.start()
t.join()
print(captured[-1])

# the default hook ignores SystemExit
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=leave)
t.start()
t.join()
print("SystemExit ignored")

# ExceptHookArgs can be built and passed by hand
args = threading.ExceptHookArgs([ZeroDivisionError, ZeroDivisionError("x"), None, None])
print(args.exc_type.__name__, args.thread, list(args)[2])
try:
    threading.ExceptHookArgs([1, 2])
except TypeError:
    print("TypeError")
try:
    threading.excepthook(1)
except TypeError:
    print("TypeError")

# a hook that fails: "Exception in threading.excepthook:" and sys.excepthook
def bad_hook(args):
    raise RuntimeError("hook failed")
threading.excepthook = bad_hook
t = threading.Thread(target=boom)
t.start()
t.join()
threading.excepthook = threading.__excepthook__
print("still running")

# finally the default report: "Exception in thread NAME:" and the traceback
def last():
    raise KeyError("the last line of stderr")
t = threading.Thread(target=last, name="reporter")
t.start()
t.join()
print("done")
