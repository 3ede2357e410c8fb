# Benchmark: method calls on instances of a small class, attribute reads and writes, a property.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def dot(self, other):
        return self.x * other.x + self.y * other.y
    def scale(self, k):
        self.x *= k
        self.y *= k
        return self
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
class Counter:
    def __init__(self):
        self.count = 0
    def bump(self, n):
        self.count += n
        return self.count
def run(n):
    c = Counter()
    acc = Vec(0, 0)
    step = Vec(1, -2)
    for i in range(n):
        v = Vec(i % 13, i % 7)
        acc = acc.add(v)
        c.bump(v.dot(step) % 5)
        if i % 100 == 0:
            acc.scale(1)
        c.count += acc.norm1 % 3
    return c.count + acc.x + acc.y
print(run(1500000))
