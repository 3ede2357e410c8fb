# Many threads setting, reading and deleting keys of one shared dict: disjoint
# writers lose nothing, len stays consistent, readers only see values that
# were stored, and pop/setdefault/popitem hand every key out exactly once.
import sys
import threading

sys.setswitchinterval(1e-5)
N = 8
K = 12000


def run(target, n=N):
    barrier = threading.Barrier(n)
    threads = [threading.Thread(target=target, args=(t, barrier)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


# 1. Disjoint writers (int and str keys, heap values), each deleting half of
#    its keys again; readers of other threads' keys meanwhile.
d = {}
bad = []


def writer(t, barrier):
    barrier.wait()
    for i in range(K):
        d[(t, i)] = ("v", t, i)
        d["s%d-%d" % (t, i)] = i
    for i in range(0, K, 2):
        del d[(t, i)]
        assert d.pop("s%d-%d" % (t, i)) == i
    for i in range(K):
        other = (t + 1) % N
        v = d.get((other, i))
        if v is not None and v != ("v", other, i):
            bad.append(v)
        if ("s%d-%d" % (other, i)) in d and d.get("s%d-%d" % (other, i), i) != i:
            bad.append(i)


run(writer)
assert not bad, bad[:3]
assert len(d) == N * K, len(d)
for t in range(N):
    for i in range(K):
        if i % 2:
            assert d[(t, i)] == ("v", t, i)
            assert d["s%d-%d" % (t, i)] == i
        else:
            assert (t, i) not in d and ("s%d-%d" % (t, i)) not in d
print("disjoint writers ok", len(d))

# 2. Shared keys: overwrite races; each final value is one some thread stored.
d = {}


def overwriter(t, barrier):
    barrier.wait()
    for i in range(K):
        d[i % 257] = (t, i)
        d[str(i % 61)] = [t]
        v = d[i % 257]
        if not (isinstance(v, tuple) and 0 <= v[0] < N):
            bad.append(v)
        if len(d) > 257 + 61:
            bad.append(len(d))


run(overwriter)
assert not bad, bad[:3]
assert len(d) == 257 + 61
assert all(isinstance(v, tuple) and v[1] % 257 == k for k, v in d.items() if isinstance(k, int))
print("overwrite ok")

# 3. pop: every key popped by exactly one thread.
d = {i: i * 2 for i in range(N * K)}
got = [[] for _ in range(N)]


def popper(t, barrier):
    barrier.wait()
    for i in range(N * K):
        v = d.pop(i, None)
        if v is not None:
            got[t].append(i)


run(popper)
allgot = sorted(x for g in got for x in g)
assert allgot == list(range(N * K)), len(allgot)
assert len(d) == 0
print("pop exactly once ok")

# 4. setdefault: one winner per key, and everybody sees the winner's value.
d = {}
seen = [[] for _ in range(N)]


def setdefaulter(t, barrier):
    barrier.wait()
    for i in range(K):
        seen[t].append(d.setdefault(i, (t, i)))


run(setdefaulter)
for i in range(K):
    winner = d[i]
    assert all(seen[t][i] is winner for t in range(N))
print("setdefault ok")

# 5. popitem: the items come out exactly once.
d = {("k", i): i for i in range(N * K)}
got = [[] for _ in range(N)]


def popitemer(t, barrier):
    barrier.wait()
    while True:
        try:
            k, v = d.popitem()
        except KeyError:
            break
        got[t].append(v)


run(popitemer)
assert sorted(v for g in got for v in g) == list(range(N * K))
print("popitem ok")

# 6. update / copy / clear / comparison while others mutate: no crash, and
#    the result of each update is a superset of what it added.
d = {}
src = {("u", i): i for i in range(300)}


def updater(t, barrier):
    barrier.wait()
    for r in range(60):
        if t % 3 == 0:
            d.update(src)
            c = d.copy()
            if len(c) > 300 + 100:
                bad.append(len(c))
        elif t % 3 == 1:
            for i in range(100):
                d[i] = i
            d.clear()
        else:
            try:
                _ = (d == src, list(d.keys())[:5], repr(len(d)), sorted(d.values(), key=str)[:1])
            except RuntimeError as e:  # changed size during iteration: allowed
                if "changed" not in str(e):
                    bad.append(e)


run(updater)
assert not bad
print("update/clear ok")
