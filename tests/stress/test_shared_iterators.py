# One iterator consumed by many threads at once: list, tuple, range, dict
# (keys, values, items), set, enumerate, zip, map, filter and reversed
# iterators hand out every item exactly once and never crash; an iterator
# over a container another thread mutates raises or yields, nothing worse.
import sys
import threading

sys.setswitchinterval(1e-5)
N = 6
M = 30000


def drain(it, n=N):
    got = [[] for _ in range(n)]
    barrier = threading.Barrier(n)

    def work(t):
        barrier.wait()
        out = got[t]
        for x in it:
            out.append(x)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return [x for g in got for x in g]


# weft (free-threaded) guarantees exactly once for every iterator here;
# CPython 3.11 only where no Python code runs inside next() (a thread switch
# in __getitem__ may repeat or skip an index there), so those checks are
# lenient under a GIL.
FREE_THREADED = not getattr(sys, "_is_gil_enabled", lambda: True)()


def check(name, it, expected, python_code_inside=False):
    got = drain(it)
    if python_code_inside and not FREE_THREADED:
        assert set(got) <= set(expected), name
    else:
        assert sorted(got) == sorted(expected), (name, len(got), len(expected))
    assert next(it, "end") == "end", name  # exhausted for good
    print(name, "ok", len(expected))


data = list(range(M))
check("list", iter(data), data)
check("reversed list", reversed(data), data)
check("tuple", iter(tuple(data)), data)
check("range", iter(range(M)), data)
check("range step", iter(range(M * 3, 0, -3)), list(range(M * 3, 0, -3)))
check("long range", iter(range(2**70, 2**70 + M)), list(range(2**70, 2**70 + M)))
d = {i: -i for i in range(M)}
check("dict keys", iter(d), data)
check("dict values", iter(d.values()), [-i for i in data])
check("dict items", iter(d.items()), list(d.items()))
check("dict reversed", reversed(d), data)
check("set", iter(set(data)), data)
check("frozenset", iter(frozenset(data)), data)
check("str", iter("ab" * (M // 2)), list("ab" * (M // 2)))

# enumerate: counts and items each once (their pairing may interleave).
got = drain(enumerate(data))
assert sorted(i for i, _ in got) == data and sorted(x for _, x in got) == data
print("enumerate ok")
# zip over several inputs: every tuple comes from one round.
got = drain(zip(data, data, map(str, data)))
assert all(a == b and str(a) == c for a, b, c in got), "zip mixed rounds"
assert sorted(a for a, _, _ in got) == data
print("zip ok")
got = drain(zip(data))
assert sorted(a for (a,) in got) == data
print("zip single ok")
got = drain(map(lambda x: x * 2, data))
assert sorted(got) == [x * 2 for x in data]
print("map ok")
got = drain(map(lambda a, b: a - b, data, data))
assert got == [0] * M
print("map 2 ok")
got = drain(filter(lambda x: x % 3 == 0, data))
assert sorted(got) == [x for x in data if x % 3 == 0]
print("filter ok")


class Seq:
    def __len__(self):
        return M

    def __getitem__(self, i):
        if i >= M:
            raise IndexError(i)
        return i


check("sequence iterator", iter(Seq()), data, python_code_inside=True)
check("reversed sequence", reversed(Seq()), data, python_code_inside=True)
check("callable iterator", iter(iter(data).__next__, M - 1), list(range(M - 1)))

# Iterating containers that another thread mutates: items or RuntimeError.
bad = []


def mutate_while_iterating(make, mutate, name, rounds=200):
    container = make()
    stop = threading.Event()
    barrier = threading.Barrier(2)

    def mutator():
        barrier.wait()
        i = 0
        while not stop.is_set():
            mutate(container, i)
            i += 1

    th = threading.Thread(target=mutator)
    th.start()
    barrier.wait()
    outcomes = set()
    for r in range(rounds):
        try:
            for x in container:
                if not isinstance(x, int):
                    bad.append((name, x))
            outcomes.add("done")
        except RuntimeError as e:
            msg = str(e)
            if "changed size during iteration" not in msg and "changed during iteration" not in msg:
                bad.append((name, msg))
            outcomes.add("raised")
    stop.set()
    th.join()
    assert outcomes, name
    print(name, "mutated while iterating ok")


def dict_mutate(d, i):
    d[i % 300 + 1000] = i
    d.pop((i + 150) % 300 + 1000, None)


def set_mutate(s, i):
    s.add(i % 300 + 1000)
    s.discard((i + 150) % 300 + 1000)


def list_mutate(lst, i):
    lst.append(i)
    if len(lst) > 400:
        del lst[:200]


mutate_while_iterating(lambda: {i: i for i in range(300)}, dict_mutate, "dict")
mutate_while_iterating(lambda: set(range(300)), set_mutate, "set")
mutate_while_iterating(lambda: list(range(300)), list_mutate, "list")
assert not bad, bad[:3]
