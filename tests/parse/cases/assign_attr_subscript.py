a.b = 1
a.b.c = 2
a[0] = 1
a[1:2] = x
a[b][c].d = e
f().x = 1
f()[0] = 2
