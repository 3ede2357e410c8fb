a = ...
b = None
c = True
d = False
def f(): ...
x[...]
e = Ellipsis
