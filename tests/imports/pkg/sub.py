# Helper submodule of pkg.
print("pkg.sub: executing, __name__ =", __name__)
SUB_VAR = "sub variable"
def sub_func(x):
    return ("sub", x)
