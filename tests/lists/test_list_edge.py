# Covers list edge cases: extended slice assignment/deletion, self-referencing ops, index/insert/pop errors, sort key errors and stability, iterators under mutation, subclasses.
# list edge cases
a = list(range(10))
a[2:8:2] = "abc"; print(a)
del a[::-2]; print(a)
a = list(range(10)); del a[1:9:3]; print(a)
a = list(range(10)); a[8:2:-2] = [0, 0, 0]; print(a)
a = list(range(5)); a[5:2] = [9]; print(a)
a = list(range(5)); a[::-1] = a; print(a)
a = [1, 2, 3]; a[1:2] = a; print(a)
a = [1, 2, 3]; a.extend(a); print(a)
a = [1, 2, 3]; a += a; print(a)
a = [1, 2]; a *= 0; print(a)
a = [1, 2]; a *= -3; print(a)
print([1, 2] * -1, [] * 5, [None] * 3)
print([1, 2, 3].index(3), [1, 2, 3, 2].index(2, 2), [1,2,3].index(1, -3))
try: [1,2].index(5)
except ValueError as e: print(e)
try: [1,2].index(1, 1)
except ValueError as e: print(e)
try: [1,2].insert("a", 1)
except TypeError as e: print(e)
try: [].pop(1)
except IndexError as e: print(e)
try: [1].pop(5)
except IndexError as e: print(e)
l = [3, 1, 2]
try:
    l.sort(key=lambda x: l.append(1) or x)
except ValueError as e: print(e, l)
class Bad:
    def __lt__(self, o): raise RuntimeError("boom")
try:
    sorted([Bad(), Bad()])
except RuntimeError as e: print(e)
print(sorted([3, float('nan'), 1, 2, float('nan'), 0]))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')], reverse=True))
x = [5, 3, 5, 1]
x.sort(key=lambda v: -v, reverse=True); print(x)
import sys
print(sorted(range(20), key=lambda v: (v % 3, -v)))
calls = []
def k(v):
    calls.append(v); return v
sorted([3, 2, 1], key=k); print(calls)
l = [[]]; l[0].append(l); print(l)
print(repr([1, 'a', (2,), {3: 4}, {5}, frozenset()]))
it = iter([1, 2, 3]); print(next(it), list(it), list(it))
l = [1, 2, 3]; it = iter(l); next(it); l.clear(); print(list(it))
l = [1, 2, 3]; r = reversed(l); print(next(r)); l.append(4); print(list(r))
print(list(reversed([])), [1,2,3].__reversed__().__length_hint__())
print([1, 2, 3] < [1, 2, 4], [1, [2]] == [1, [2]], [] == [], [1] > [], [1, 2] >= [1, 2])
print(list.__len__([1, 2]), [1, 2].__getitem__(1), [1, 2].__contains__(2))
class L(list): pass
m = L([1, 2]); m.append(3); print(m, type(m).__name__, m + [4], type(m + [4]).__name__, m * 2, len(m))
print(L.__mro__)
l = [0] * 10
l[3:7] = []; print(l, len(l))
l = list(range(20)); del l[5:]; print(l)
l = list(range(10)); l[-3:] = [1] * 10; print(l)
print([i for i in range(5)][::-1][1:3])
a = [1, 2, 3]; b = a.copy(); print(a is b, a == b)
print(list("hello"), list((1, 2)), list({1: 2}), list(x for x in "ab"))
a = [1, 2, 3]
print(a.count(2), a.count(4), [1, 1.0, True].count(1))
print([3, 1] + [2], [[1]] * 2)
l = [1, 2, 3, 4, 5]; l[1:4] = (9,); print(l)
l = [1, 2, 3]; l[0:0] = [7, 8]; print(l)
l = [1, 2, 3]; l[10:] = [4]; print(l)
l = [1, 2, 3]; l[-10:1] = [0]; print(l)
print(sorted(["b", "A", "a", "B"]), sorted([2.5, 1, True, -3]))
print(max([1, 5, 3]), min(["b", "a"]))
l = [1]
l.remove(1); print(l)
try: l.remove(1)
except ValueError as e: print(e)
print([1, 2, 3].__sizeof__() > 0, [].__class__)
l = []
for i in range(100): l.append(i)
for i in range(90): l.pop()
print(l)
