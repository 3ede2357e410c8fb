# Many threads adding to, discarding from and popping one shared set: disjoint
# adders lose nothing, every element is removed exactly once, and set algebra
# on a set others mutate never crashes.
import sys
import threading

sys.setswitchinterval(1e-5)
N = 8
K = 15000


def run(target, n=N):
    barrier = threading.Barrier(n)
    threads = [threading.Thread(target=target, args=(t, barrier)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


s = set()
bad = []


def adder(t, barrier):
    barrier.wait()
    for i in range(K):
        s.add((t, i))
        s.add("x%d" % (i % 500))
        if (t, i // 2) not in s:
            bad.append((t, i))


run(adder)
assert not bad, bad[:3]
assert len(s) == N * K + 500
print("add ok", len(s))

# remove: exactly one thread succeeds per element.
removed = [0] * N


def remover(t, barrier):
    barrier.wait()
    for u in range(N):
        for i in range(K):
            try:
                s.remove(((t + u) % N, i))
                removed[t] += 1
            except KeyError:
                pass


run(remover)
assert sum(removed) == N * K, sum(removed)
assert len(s) == 500
print("remove exactly once ok")

# pop: every element comes out once.
s = set(range(N * K))
got = [[] for _ in range(N)]


def popper(t, barrier):
    barrier.wait()
    while True:
        try:
            got[t].append(s.pop())
        except KeyError:
            break


run(popper)
assert sorted(x for g in got for x in g) == list(range(N * K))
print("pop ok")

# Algebra and comparisons against a set being mutated.
s = set(range(1000))
other = frozenset(range(500, 1500))


def mixer(t, barrier):
    global s
    barrier.wait()
    for r in range(200):
        if t % 2:
            s.update(range(r, r + 50))
            s.difference_update(range(r + 25, r + 40))
            s |= {r}
            s -= {r + 1}
            s ^= {r + 2, r + 3}
            s &= set(range(2000))
        else:
            u = s | other
            i = s & other
            d = s - other
            x = s ^ other
            if not (i <= other and d.isdisjoint(other) and len(u) >= len(other)):
                bad.append(r)
            _ = (s == other, s <= u, 5 in s, len(x) >= 0)
            try:
                _ = sorted(s)[:3]
            except RuntimeError as e:  # changed size during iteration: allowed
                if "changed" not in str(e):
                    bad.append(e)


run(mixer)
assert not bad, bad[:3]
assert all(isinstance(x, int) and 0 <= x < 2000 for x in s)
print("algebra ok")
