x = 1
y = x
x = y = z = 0
