# Covers `from mod import *` with and without __all__, and private-name exclusion.
from mod_star import *
print(public_one, _listed_private)
for name in ("public_two", "_unlisted"):
    print(name, name in globals())
from mod_nostar import *
print(alpha, beta, "_gamma" in globals())
import mod_star
print(mod_star.__all__, mod_star.public_two)
