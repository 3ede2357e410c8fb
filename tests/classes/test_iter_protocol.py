# Covers __iter__/__next__: custom iterators, iterables returning generators, StopIteration, iter() on them.
class CountDown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(5)), [x * 2 for x in CountDown(3)], sum(CountDown(4)))
cd = CountDown(2)
print(next(cd), next(cd), next(cd, "end"))
try:
    next(cd)
except StopIteration as e:
    print(type(e).__name__, e.args)
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), 3 in t, max(t), sorted(t, reverse=True))
class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reusable([1, 2, 3])
print(list(r), list(r), list(zip(r, r)), dict(zip(r, "abc")))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in NotIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3])
print(iter(it) is it, next(it), list(it), list(it))
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Fib(100)), list(enumerate(Fib(5))))
