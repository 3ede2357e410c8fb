for x in y:
    pass
for x, y in z:
    pass
for (x, y) in z:
    pass
for [x, *y] in z:
    pass
for x in 1, 2, 3:
    pass
for x in *a, b:
    pass
for x.y in z:
    pass
for x[0] in z:
    pass
for x in y:
    pass
else:
    pass
for x, in y: pass
