# thread_local.py — per-thread state with threading.local.
#
# One threading.local object is shared by every thread, but each thread sees its own attributes
# on it: a value set in one thread is invisible to the others. Useful for per-thread caches
# (connections, sessions, buffers) that must not be shared and need no lock.
# A subclass's __init__ runs once in each thread that uses the object, to set defaults.
import sys
import threading


class Session(threading.local):
    def __init__(self):
        self.user = None
        self.requests = 0
        self.opened = threading.current_thread().name   # per-thread "connection"


session = Session()      # shared by all threads, state is per thread
plain = threading.local()


def handle_request(path):
    # Uses the current thread's session without it being passed around.
    session.requests += 1
    return "%s GET %s (request %d on the connection opened by %s)" % (
        session.user, path, session.requests, session.opened)


def worker(user, paths, log, index):
    name = threading.current_thread().name
    lines = ["%s starts: sees the main thread's plain.note? %s" % (name, hasattr(plain, "note"))]
    session.user = user
    plain.note = "set in " + name
    lines += [handle_request(p) for p in paths]
    log[index] = lines


def main():
    plain.note = "set in the main thread"
    users = [("alice", ["/", "/inbox", "/inbox/1"]), ("bob", ["/", "/settings"]), ("carol", ["/"])]
    log = [None] * len(users)
    threads = [threading.Thread(target=worker, args=(u, p, log, i), name="worker-%d" % i)
               for i, (u, p) in enumerate(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for lines in log:                       # printed in a fixed order once all threads are done
        for line in lines:
            print(line)
    # The main thread's own values were never touched by the workers.
    print("main thread: user=%s requests=%d note=%r" % (session.user, session.requests, plain.note))
    return 0


sys.exit(main())
