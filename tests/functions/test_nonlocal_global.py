# Covers global and nonlocal declarations, module state mutation, UnboundLocalError messages.
x = 1
def read_global():
    return x
def write_global():
    global x
    x = 2
def local_shadow():
    x = 3
    return x
print(read_global(), local_shadow(), x)
write_global()
print(x, read_global())
def create_global():
    global created
    created = "made"
create_global()
print(created)
def bad():
    print(x)
    x = 5
try:
    bad()
except UnboundLocalError as e:
    print(type(e).__name__, e, isinstance(e, NameError))
def outer():
    v = 0
    def a():
        nonlocal v
        v += 10
    def b():
        nonlocal v
        v *= 2
    a(); b(); a()
    return v
print(outer())
def nested_levels():
    n = "L1"
    def l2():
        def l3():
            nonlocal n
            n = "set by L3"
        l3()
    l2()
    return n
print(nested_levels())
counter = 0
def bump():
    global counter
    for _ in range(5):
        counter += 1
bump(); bump()
print(counter)
def aug_unbound():
    total += 1
try:
    aug_unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def deleted():
    q = 1
    del q
    return q
try:
    deleted()
except UnboundLocalError as e:
    print(type(e).__name__, e)
