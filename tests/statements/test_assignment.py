# Covers assignment forms: chained, multiple targets, augmented on names/subscripts/attributes/slices.
a = b = c = [1]
a.append(2)
print(a, b, c, a is b is c)
x = y = 5
x += 1
print(x, y)
class Obj:
    pass
o = Obj()
o.n = 10
o.lst = [1, 2, 3]
o.d = {"k": 1}
o.n += 5
o.n *= 2
o.lst[0] += 100
o.lst[-1] *= 3
o.d["k"] -= 10
o.d["new"] = o.d.get("new", 0) + 1
print(o.n, o.lst, o.d)
m = [[0, 0], [0, 0]]
m[1][0] += 7
m[0] = m[1]
m[0][1] = "shared"
print(m)
s = "ab"
s *= 3
print(s)
t = (1,)
t += (2, 3)
print(t)
calls = []
def idx():
    calls.append("idx")
    return 0
lst = [10]
lst[idx()] += 1
print(lst, calls)
i = 0
arr = [0, 0, 0]
i, arr[i] = 1, 9
print(i, arr)
d = {}
d["a"] = d["b"] = 0
print(d)
p, q = q, p = 1, 2
print(p, q)
first = second = third = "same"
print(first is third)
n = 7
n //= 2; print(n)
n **= 5; print(n)
n %= 100; print(n)
n >>= 1; print(n)
n <<= 4; print(n)
n ^= 0xFF; print(n)
n &= 0x0F; print(n)
n |= 0x30; print(n)
f = 1.5
f /= 0.5; print(f)
lst2 = [1, 2, 3, 4, 5]
lst2[1:3] = ["a", "b", "c"]
print(lst2)
lst2[::2] = [0] * len(lst2[::2])
print(lst2)
