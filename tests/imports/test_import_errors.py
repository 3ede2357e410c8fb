# Covers import failures: ModuleNotFoundError, ImportError for missing names, errors raised during import.
import sys
try:
    import no_such_module_weft
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, isinstance(e, ImportError))
try:
    import pkg.no_such_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from mod_a import does_not_exist
except ImportError as e:
    print(type(e).__name__, e.name, type(e) is ImportError)
try:
    import mod_broken
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print("mod_broken" in sys.modules)
try:
    import mod_broken
except ZeroDivisionError as e:
    print("second attempt re-executes:", e)
try:
    from no_such_pkg_weft.sub import thing
except ImportError as e:
    print(type(e).__name__, e)
