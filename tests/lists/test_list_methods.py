# Covers list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear and errors.
a = [3, 1, 4, 1, 5]
a.append(9); print(a)
a.extend([2, 6]); print(a)
a.extend("ab"); print(a)
a.extend(range(2)); print(a)
a.insert(0, "first"); print(a)
a.insert(-1, "beforelast"); print(a)
a.insert(100, "end"); print(a)
a.insert(-100, "start"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3), a)
a.remove(1); print(a)
print(a.index(1), a.index(5), a.index("a"), a.count(1), a.count("zz"), a.index(1, 3) if 1 in a[3:] else None)
a.reverse(); print(a)
b = a.copy(); b.append("copy"); print(a, b)
b.clear(); print(b, len(b))
e = []
try:
    e.pop()
except IndexError as ex:
    print(type(ex).__name__, ex)
try:
    [1].pop(5)
except IndexError as ex:
    print(type(ex).__name__, ex)
try:
    [1, 2].remove(3)
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    [1, 2].index(3)
except ValueError as ex:
    print(type(ex).__name__)
try:
    e.extend(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
nums = []
for i in range(10):
    nums.append(i * i)
    if i % 3 == 0:
        nums.insert(0, -i)
print(nums, len(nums))
while nums:
    nums.pop()
print(nums)
x = [1, 2]
x += [3]
x += (4,)
x += "5"
x *= 2
print(x)
