del a
del a, b
del a.b
del a[0]
del (a, b)
del [a, b]
del a,
del (a)
del a[1:2], b.c
del (a), [b]
