# Covers __traceback__ presence (set when raised, None when never raised) and the except-variable being cleared.
def fail():
    raise KeyError("tb")
try:
    fail()
except KeyError as e:
    print(e.__traceback__ is not None)
    saved = e
print(saved.__traceback__ is not None)
try:
    print(e)
except NameError as ne:
    print(type(ne).__name__, ne)
print(ValueError("fresh").__traceback__)
x = "kept"
try:
    raise RuntimeError
except RuntimeError as x:
    pass
try:
    x
except NameError as ne:
    print(type(ne).__name__, ne)
def nested_fail():
    try:
        fail()
    except KeyError as e:
        return e
err = nested_fail()
print(type(err).__name__, err.__traceback__ is not None)
