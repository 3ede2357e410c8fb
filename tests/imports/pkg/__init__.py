# Helper package for the import tests.
print("pkg: __init__ executing, __name__ =", __name__)
PKG_VAR = "package variable"
def pkg_func():
    return "pkg_func result"
