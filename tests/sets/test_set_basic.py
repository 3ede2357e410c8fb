# Covers set/frozenset of small ints: displays, constructors, add/remove/discard/pop/clear, membership.
s = {3, 1, 2}
print(s, len(s), 1 in s, 5 in s, set(), set([1, 1, 2]), set(range(5)), frozenset([2, 1]), frozenset())
s.add(4); s.add(1); print(s)
s.remove(3); print(s)
s.discard(10); s.discard(2); print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
print(s.pop(), s)
s.clear(); print(s, len(s))
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
print(sorted({"b", "a", "c"}), sorted(set("hello")), len(set("hello")), "h" in set("hello"))
print({1, 2} == {2, 1}, {1} != {1, 2}, {1, 2} == frozenset({1, 2}), set() == frozenset(), {0} == {False})
print(type(s).__name__, type(frozenset()).__name__, bool(set()), bool({0}))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), {frozenset({1}): "x"}[frozenset({1})])
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__)
try:
    frozenset().add(1)
except AttributeError as e:
    print(type(e).__name__, e)
t = set()
for i in range(20):
    t.add(i % 7)
print(t, sorted(t), len(t))
print({1, 2, 3} <= {1, 2, 3}, {1} < {1, 2}, {1, 2} >= {1}, {1, 2} > {1, 2}, {5}.issubset(range(6)),
      {1, 2}.issuperset([1]), {1}.isdisjoint({2}), {1}.isdisjoint([1]))
