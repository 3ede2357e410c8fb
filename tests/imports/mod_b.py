# Helper module: imports mod_a (module caching across importers).
import mod_a
from mod_a import double
print("mod_b: executing")
def quadruple(x):
    return double(double(x))
def count_items():
    return len(mod_a.items)
