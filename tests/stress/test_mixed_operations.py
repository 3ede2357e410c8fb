# Every kind of list/dict/set operation at once on a few shared containers,
# including two-container operations in opposite directions (a.update(b)
# while b.update(a): the two-object critical sections lock in address order,
# so this cannot deadlock), comparisons that call back into Python, sorting
# with key functions, slice assignment and repr. Nothing may crash or hang,
# and the containers stay well-formed.
import sys
import threading

sys.setswitchinterval(1e-5)
N = 6
ROUNDS = 800

a = list(range(100))
b = list(range(100, 200))
da = {i: i for i in range(100)}
db = {i: -i for i in range(50, 150)}
sa = set(range(100))
sb = set(range(50, 150))
errors = []


class Key:
    # A key whose __eq__ and __hash__ run Python code (and may switch threads).
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v % 37)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v


def worker(t, barrier):
    global sa, sb
    barrier.wait()
    for r in range(ROUNDS):
        try:
            k = (t + r) % 12
            if k == 0:
                a.extend(b)
                del a[100:]
            elif k == 1:
                b[10:20] = a[:10]
                b[::7] = b[::7]
                del b[150:]
            elif k == 2:
                a.sort(key=lambda x: (x * 7) % 13)
                a.reverse()
            elif k == 3:
                da.update(db)
                db.update(da)
                for key in list(db)[120:]:
                    db.pop(key, None)
            elif k == 4:
                da[Key(r)] = r
                da.get(Key(r - 1))
                da.pop(Key(r - 2), None)
                Key(r) in da
            elif k == 5:
                sa |= sb
                sb -= {r}
                sa &= set(range(200))
                sb ^= {r, r + 1}
                _ = sa == sb, sa <= sb, sa.isdisjoint(sb)
            elif k == 6:
                sa.add(Key(r))
                sa.discard(Key(r - 3))
                Key(r) in sa
            elif k == 7:
                _ = repr(a)[:10], repr(da)[:10], repr(sa)[:10]
                _ = a == b, a < b, da == db
            elif k == 8:
                c = a + b
                c *= 2
                _ = c.count(5), c.index(c[-1]), 5 in c
                a.insert(r % 50, r)
                a.remove(r) if r in a else None
            elif k == 9:
                dd = dict(da)
                dd.update(zip(range(5), range(5)))
                _ = dd.setdefault("x", []), dd.popitem(), dd.copy()
                _ = sorted(da.items(), key=repr)[:3]
            elif k == 10:
                lst = list(sb)
                lst.sort()
                fs = frozenset(lst)
                _ = fs | sa, fs - sb, hash(fs)
            else:
                for x in list(a):
                    pass
                try:
                    for x in da:
                        pass
                    for x in sa:
                        pass
                except RuntimeError as e:
                    if "changed" not in str(e):
                        raise
        except Exception as e:  # checked below: only the allowed races
            errors.append("%s: %s" % (type(e).__name__, e))


barrier = threading.Barrier(N)
threads = [threading.Thread(target=worker, args=(t, barrier)) for t in range(N)]
for th in threads:
    th.start()
for th in threads:
    th.join()
allowed = ("list modified during sort", "changed size during iteration", "dict mutated during update",
           "is not in list", "x not in list", "Set changed size during iteration", "changed during iteration")
bad = [e for e in errors if not any(s in e for s in allowed)]
assert not bad, bad[:5]
assert len(a) >= 0 and all(isinstance(x, int) for x in a)
assert all(isinstance(x, int) for x in b)
assert all(isinstance(k, (int, Key, str)) for k in da)
assert all(isinstance(x, (int, Key)) for x in sa)
print("mixed operations ok")
