# Class attributes and instance __dict__s replaced while other threads read
# them. Readers reach a class attribute through the type's lookup cache and
# an instance attribute through the instance's dict without taking a
# reference first; weft retires the replaced value (it stays alive until
# every thread has passed a safe point) instead of freeing it at once.
# Nothing may crash, readers see whole objects, and every replaced object is
# eventually freed exactly once.
import gc
import sys
import threading

sys.setswitchinterval(1e-5)
freed = []


class Payload:
    def __init__(self, v):
        self.v = v
        self.neg = -v

    def __del__(self):
        freed.append(self.v)

    def ok(self):
        return self.v == -self.neg


class Config:
    setting = Payload(0)

    def get(self):
        return self.setting


class Holder:
    pass


h = Holder()
h.__dict__ = {"item": Payload(100000)}
ROUNDS = 4000
stop = False
bad = []


def reader():
    c = Config()
    while not stop:
        p = c.get()
        q = Config.setting
        r = h.item
        if not (p.ok() and q.ok() and r.ok()):
            bad.append((p.v, q.v, r.v))


def class_writer():
    for i in range(1, ROUNDS + 1):
        Config.setting = Payload(i)


def dict_writer():
    for i in range(1, ROUNDS + 1):
        h.__dict__ = {"item": Payload(100000 + i)}


readers = [threading.Thread(target=reader) for _ in range(3)]
writers = [threading.Thread(target=class_writer), threading.Thread(target=dict_writer)]
for t in readers + writers:
    t.start()
for t in writers:
    t.join()
stop = True
for t in readers:
    t.join()
print("readers saw whole objects:", not bad)
Config.setting = None
h.__dict__ = {}
for _ in range(3):
    gc.collect()
expected = set(range(0, ROUNDS + 1)) | set(range(100000, 100000 + ROUNDS + 1))
print("replaced objects freed:", set(freed) == expected, len(freed) == len(expected))
