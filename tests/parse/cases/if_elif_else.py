if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2
if a: pass
else: pass
if x:
    if y:
        pass
    else:
        pass
