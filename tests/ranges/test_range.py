# Covers range: len, indexing, slicing, negative steps, membership, index/count, reversed, repr, equality.
rs = [range(5), range(2, 10), range(10, 2, -3), range(0), range(-5, 5, 2), range(1, 2), range(5, 0),
      range(0, 100, 7), range(-1, -10, -1)]
for r in rs:
    print(r, repr(r), len(r), list(r), list(reversed(r)), bool(r), 3 in r, -4 in r)
r = range(0, 20, 3)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], list(r[1:4]), r.index(9), r.count(9), r.count(10))
print(r.start, r.stop, r.step, range(3) == range(0, 3), range(0) == range(5, 1), range(1, 4, 2) == range(1, 5, 2))
big = range(10 ** 20)
print(len(range(10 ** 18)), big[-1], 10 ** 19 in big, big[10 ** 19], big[::10 ** 19])
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__)
for bad in [lambda: r[100], lambda: r.index(4), lambda: range(1, 2, 0), lambda: range(1.5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(sum(range(101)), list(range(3, -3, -1)), [i for i in range(10, 0, -4)], max(range(7)), min(range(3, 9)))
print(2.0 in range(5), 2.5 in range(5), "a" in range(5), hash(range(3)) == hash(range(0, 3)))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
