# Covers default arguments: evaluation once, mutable default pitfall, None idiom, keyword calls, __defaults__.
def f(a, b=2, c="three"):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(a=0), f(1, 2, 3), f(c=1, b=2, a=3), f.__defaults__)
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe(1), safe(2))
counter = 10
def snap(v=counter):
    return v
counter = 20
print(snap(), snap(5))
def g(x, y=[1, 2], *, z={"k": 1}):
    return x, y, z
print(g(0), g.__defaults__, g.__kwdefaults__, f.__kwdefaults__)
def none_defaults(a, b):
    return a + b
print(none_defaults.__defaults__, none_defaults(b=1, a=2))
def h(a=1, b=a if False else 7):
    return a, b
print(h(), h(0))
