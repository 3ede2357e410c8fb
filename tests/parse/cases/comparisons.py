a = x < y
b = x < y < z
c = x == y != z
d = x is y
e = x is not y
f = x in y
g = x not in y
h = x <= y >= z > w
i = not x in y
