# Covers truthiness of instances: __bool__, __len__ fallback, default truthy, and errors from bad __bool__.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("len called")
        return self.n
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
class Neither:
    pass
for obj in (B(True), B(False), L(0), L(3), Both(), Neither()):
    print(type(obj).__name__, bool(obj), not obj, "yes" if obj else "no")
if B(True) and L(2):
    print("and true")
print(B(False) or "fallback", [x for x in (L(0), L(1)) if x].__len__())
while L(0):
    print("never")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
print(len(L(7)), len(Both()))
