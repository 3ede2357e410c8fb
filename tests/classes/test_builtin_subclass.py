# Covers subclassing builtin types (list, dict, int, str, Exception) and dict.__missing__.
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__, ml[1:3], type(ml[1:3]).__name__)
class MyDict(dict):
    pass
md = MyDict(a=1)
md["b"] = 2
print(md, type(md).__name__, md == {"a": 1, "b": 2}, isinstance(md, dict))
class MyInt(int):
    def double(self):
        return self * 2
print(MyInt(21).double(), MyInt(5) + 1, type(MyInt(5) + 1).__name__, MyInt(7) == 7, type(MyInt(3)).__name__)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print(MyStr("hi").shout(), MyStr("ab") + "c", len(MyStr("xyz")), isinstance(MyStr(""), str))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
c["a"] += 1
c["a"] += 1
print(c, c["zz"], "zz" in c, len(c))
class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
s = Stack().push(1).push(2)
print(s, s.peek(), s.pop(), s)
class Err(Exception):
    pass
print(repr(Err("x")), issubclass(Err, Exception), Err.__mro__[1].__name__)
