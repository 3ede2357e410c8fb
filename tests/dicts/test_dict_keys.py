# Covers dict keys of many types, numeric key equality (1 == 1.0 == True), user-class keys, and tuples.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
d[2] = "two"
d[(1, 2)] = "tuple"
d[None] = "none"
d["1"] = "str"
d[b"1"] = "bytes"
d[frozenset([1])] = "frozen"
d[-0.0] = "negzero"
d[0] = "zero"
print(d, len(d))
print(d[1], d[1.0], d[True], d[0.0], d[(1, 2)], d[frozenset({1})], d[False])
big = {2 ** 100: "big", -1: "minus one", -2: "minus two"}
print(big[2 ** 100], big[-1], big[-2], big)
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return "K(%r)" % self.v
kd = {K(1): "a", K(2): "b"}
kd[K(1)] = "replaced"
print(kd, K(2) in kd, K(3) in kd, kd[K(2)])
class Plain:
    pass
p1, p2 = Plain(), Plain()
pd = {p1: 1, p2: 2}
print(pd[p1], pd[p2], len(pd), Plain() in pd)
