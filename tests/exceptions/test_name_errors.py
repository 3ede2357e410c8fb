# Covers NameError/UnboundLocalError messages, deleted names, names in nested scopes and class bodies.
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e, e.args)
def f():
    return also_undefined
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
def g():
    print(local_later)
    local_later = 1
try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
class C:
    a = 1
    b = a + 1
    try:
        c = zzz
    except NameError as e:
        print("in class body", e)
print(C.b)
def h():
    v = 1
    def inner():
        return v
    del v
    return inner
try:
    h()()
except NameError as e:
    print(type(e).__name__, e)
try:
    print(qqqq + 1)
except NameError as e:
    print(type(e).__name__, e)
