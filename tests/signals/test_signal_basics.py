# The signal module: SIGINT's default handler (KeyboardInterrupt), signal()/getsignal()
# return values, the Signals/Handlers enums, strsignal, valid_signals, argument errors.
import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.SIGINT), str(signal.SIGINT), int(signal.SIGINT), signal.SIGINT == 2)
print(signal.SIGINT.name, signal.SIGINT.value, signal.Signals(15), repr(signal.Signals(15)))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.SIG_DFL == 0, signal.SIG_IGN == 1)
print(repr(signal.SIGIOT), repr(signal.SIGCLD), repr(signal.SIGPOLL))
print(signal.Signals['SIGTERM'] is signal.SIGTERM, type(signal.SIGTERM).__name__)
print(list(signal.Handlers), len(signal.Signals), signal.Signals)
print(f"{signal.SIGTERM} {signal.SIGTERM:>4} {signal.SIGTERM + 1}", "%d %s" % (signal.SIGTERM, signal.SIGTERM))
print(signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX)
try:
    signal.Signals(1000)
except ValueError as e:
    print("ValueError", e)

# raise_signal(SIGINT) runs default_int_handler at once.
try:
    signal.raise_signal(signal.SIGINT)
    print("not reached")
except KeyboardInterrupt as e:
    print("caught", repr(e), e.args)
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print("default_int_handler raised", repr(e))

# signal() returns the previous action; getsignal() reports it.
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGPIPE)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)))
print(repr(signal.getsignal(signal.SIGUSR1)))
signal.raise_signal(signal.SIGUSR1)  # ignored
print("SIGUSR1 ignored")
def handler(signum, frame):
    pass
print(repr(signal.signal(signal.SIGUSR1, handler)))
print(signal.getsignal(signal.SIGUSR1) is handler)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)) == repr(handler))
print(repr(signal.getsignal(signal.SIGUSR1)))
old = signal.signal(signal.SIGINT, handler)
print(old is signal.default_int_handler)
signal.raise_signal(signal.SIGINT)
print("SIGINT handled by handler")
signal.signal(signal.SIGINT, old)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)

# Errors.
def check(f, *args):
    try:
        r = f(*args)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

check(signal.getsignal, 0)
check(signal.getsignal, signal.NSIG)
check(signal.getsignal, -1)
check(signal.getsignal, "x")
check(signal.getsignal, 2.0)
check(signal.getsignal, 2 ** 40)
check(signal.signal, signal.SIGUSR2, 5)
check(signal.signal, signal.SIGUSR2, "handler")
check(signal.signal, 0, handler)
check(signal.signal, 2 ** 40, handler)
check(signal.signal, signal.SIGKILL, signal.SIG_IGN)
check(signal.signal, signal.SIGSTOP, handler)
check(signal.raise_signal, 99)
check(signal.raise_signal, 0)
check(signal.default_int_handler)
check(signal.strsignal, signal.SIGINT)
check(signal.strsignal, signal.SIGTERM)
check(signal.strsignal, signal.SIGUSR1)
check(signal.strsignal, 0)
check(signal.strsignal, 1000)

valid = signal.valid_signals()
print(type(valid).__name__, len(valid), signal.SIGINT in valid, 0 in valid, min(valid), max(valid))
print(all(isinstance(s, signal.Signals) for s in valid if s < signal.SIGRTMIN))
print(signal.alarm(0))
