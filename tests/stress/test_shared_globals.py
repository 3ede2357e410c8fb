# Globals read by several threads while another thread rebinds them. weft
# turns an object that a second thread loads from a module's globals into a
# deferred ("shared") object whose stack references are not counted; the
# deferred sweep (gc.collect(), or automatically) frees those that nothing
# references any more. This checks that readers always see whole, live
# objects (never a freed one), that references kept in a suspended
# generator or a traceback's frame survive sweeps, and that every replaced
# object is finally freed (its __del__ runs): no leak, no early free.
import gc
import sys
import threading

sys.setswitchinterval(1e-5)

finalized = []


class Box:
    def __init__(self, v):
        self.value = v
        self.check = -v
        self.payload = [v] * 4

    def __del__(self):
        finalized.append(self.value)


CURRENT = Box(0)
ROUNDS = 20000
stop = False
bad = []


def reader():
    while not stop:
        b = CURRENT
        if b.value != -b.check or b.payload != [b.value] * 4:
            bad.append(b.value)


def gen_reader():
    def g():
        held = CURRENT  # a borrowed reference kept across yields
        for _ in range(20):
            yield held.value + held.check

    while not stop:
        for x in g():
            if x != 0:
                bad.append(x)


def writer():
    global CURRENT
    for i in range(1, ROUNDS + 1):
        CURRENT = Box(i)
        for _ in range(30):  # give the readers time to load this one
            pass


readers = [threading.Thread(target=reader), threading.Thread(target=gen_reader)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
while w.is_alive():
    gc.collect()  # sweeps while the readers run
    w.join(0.01)
stop = True
for t in readers:
    t.join()
print("readers saw whole objects:", not bad)

# A generator suspended in another thread holds a global's old value.
G = Box(-7)


def keeper():
    held = G
    yield 1
    yield held.value


gens = []


def start_gen():
    it = keeper()
    next(it)
    gens.append(it)


t = threading.Thread(target=start_gen)
t.start()
t.join()
G = None
gc.collect()
print("suspended generator keeps its value:", next(gens[0]))

# A traceback's frame holds a global's old value.
T = Box(-8)
saved = []


def fail():
    x = T
    raise ValueError(x.value)


def catcher():
    try:
        fail()
    except ValueError as e:
        saved.append(e)


t = threading.Thread(target=catcher)
t.start()
t.join()
T = None
gc.collect()
frame = saved[0].__traceback__.tb_next.tb_frame
print("traceback frame keeps its local:", frame.f_locals["x"].value)

# Everything replaced is freed once unreferenced.
CURRENT = None
gens.clear()
saved.clear()
del frame
for _ in range(3):
    gc.collect()
expected = set(range(0, ROUNDS + 1)) | {-7, -8}
missing = expected - set(finalized)
print("all replaced objects freed:", not missing, len(missing) if missing else "")
