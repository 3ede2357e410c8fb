# Covers slice objects: attributes, repr, indices(), equality, use on list/str/tuple/range/bytes.
s = slice(1, 10, 2)
print(s, repr(s), s.start, s.stop, s.step, slice(5), slice(None), slice(1, None, -1))
print(s.indices(5), s.indices(20), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(100, -100, -7).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
seq_list = list(range(12))
for sl in [slice(2, 9, 3), slice(None, None, -2), slice(-4, None), slice(None, 3), slice(10, 0, -4)]:
    print(sl, seq_list[sl], "abcdefghijkl"[sl], tuple(seq_list)[sl], range(12)[sl], bytes(range(65, 77))[sl])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
class Grab:
    def __getitem__(self, key):
        return key
g = Grab()
print(g[1:2], g[::3], g[1:2, 3], g[:, None], g[...], g[-1])
