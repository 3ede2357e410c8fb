a = [x for x in y]
b = [x for x in y if x]
c = [x for x in y if x if not x]
d = [(x, y) for x in a for y in b]
e = {x for x in y}
f = {k: v for k, v in d.items() if k}
g = (x for x in y)
h = [x for x, in y]
i = [x for *x, y in z]
j = [[y for y in x] for x in z]
k = [x for x in (yield)]
l = [y := f(x) for x in z]
m = [x async for x in y]
n = [await x for x in y]
