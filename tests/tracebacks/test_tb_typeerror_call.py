# Covers an uncaught TypeError from a bad call: last line "TypeError: f() missing 1 required positional argument: 'x'".
def f(x):
    return x
print(f(1))
f()
