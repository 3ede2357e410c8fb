# Covers assert with and without message, message evaluation laziness, AssertionError args.
assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
calls = []
def msg():
    calls.append("evaluated")
    return "lazy message"
assert 2 > 1, msg()
print(calls)
try:
    assert [], msg()
except AssertionError as e:
    print(e, calls)
try:
    assert None, {"detail": [1, 2]}
except AssertionError as e:
    print(e.args[0], type(e.args[0]).__name__)
def check(v):
    assert isinstance(v, int), "expected int, got %s" % type(v).__name__
    return v * 2
for v in (3, "x", 2.5):
    try:
        print(check(v))
    except AssertionError as e:
        print("AssertionError:", e)
