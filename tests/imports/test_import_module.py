# Covers `import mod`, `import mod as m`, `from mod import names`, module caching and module attributes.
import sys
import mod_a
import mod_a as alias
from mod_a import VALUE, double as dbl, Greeter
import mod_b
print(mod_a.VALUE, alias is mod_a, VALUE, dbl(21), Greeter("weft").greet(), mod_b.quadruple(3))
print(mod_a.__name__, type(mod_a).__name__, "mod_a" in sys.modules, sys.modules["mod_a"] is mod_a)
mod_a.add_item("x")
print(mod_b.count_items(), mod_a.items)
mod_a.VALUE = 100
print(mod_a.VALUE, VALUE, alias.VALUE)
import mod_a
print(mod_a.VALUE, mod_a._private)
print(sorted(n for n in dir(mod_a) if not n.startswith("__")))
try:
    mod_a.missing_attr
except AttributeError as e:
    print(type(e).__name__, e)
def local_import():
    import mod_b as local_b
    return local_b.quadruple(1)
print(local_import(), "local_b" in dir())
print(__name__)
