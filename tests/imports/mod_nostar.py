# Helper module for `from mod_nostar import *` without __all__.
alpha = "a"
beta = "b"
_gamma = "private"
