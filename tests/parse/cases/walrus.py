if (n := len(a)) > 10:
    pass
while chunk := f.read():
    pass
[y := 1, y**2]
print(x := 1)
foo(x := 3, cat='vector')
z = (a := 1)
w = {(x := 1): 2}
