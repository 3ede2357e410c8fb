# Covers bytearray: construction, mutation (append/extend/insert/pop/remove/reverse/clear), item and slice assignment, +=, *=, repr, comparisons, methods.
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]).__name__)
ba.append(33); ba.extend(b" world"); ba.extend([65, 66]); ba.insert(0, 62); ba.insert(-1, 63); ba.insert(100, 64)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("o")); ba.reverse(); print(ba)
ba[0] = 88; ba[1:3] = b"YZW"; print(ba)
ba[::2] = b"." * len(ba[::2]); print(ba)
del ba[0]; del ba[1:3]; del ba[::3]; print(ba)
ba += b"++"; ba *= 2; print(ba, ba.__alloc__() >= len(ba))
print(bytearray(3), bytearray([1, 2, 3]), bytearray("héllo", "utf-8"), bytearray(b"x") + b"y", b"y" + bytearray(b"x"))
print(bytearray(b"abc") == b"abc", bytearray(b"a") < b"b", bytearray(b"abc").upper(), bytearray(b"a,b").split(b","))
print(repr(bytearray(b"it's")), str(bytearray(b"\x00")), bytearray(b"ab").hex(), bytearray.fromhex("41 42"))
c = bytearray(b"xyz"); d = c.copy(); d[0] = 65; print(c, d, c.count(b"y"), c.find(b"z"), 121 in c)
c.clear(); print(c, len(c))
it = iter(bytearray(b"ab")); print(list(it), list(it))
for bad in [lambda: bytearray(b"a").pop(5), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(5),
            lambda: bytearray(b"a").append(256), lambda: bytearray(b"a").append("a"), lambda: bytearray(b"a").extend(1),
            lambda: hash(bytearray()), lambda: bytearray(b"abc")[5], lambda: bytearray(b"abc").__setitem__(0, 256),
            lambda: bytearray(b"abc").__setitem__(slice(0, 1), 5), lambda: bytearray(b"abc").__setitem__(slice(0, 3, 2), b"xyz"),
            lambda: bytearray(b"abc") + "x", lambda: bytearray("x"), lambda: bytearray(-1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
x = bytearray(b"0123456789")
x[2:5] = b""; print(x); x[0:0] = b"ab"; print(x); x[-1:] = bytearray(b"END"); print(x); x[3:1] = b"Q"; print(x)
x[::-2] = bytes(len(x[::-2])); print(x)
print(bytearray(b"%s-%d") % (b"a", 5))
