# Helper module for `from mod_star import *` with __all__.
__all__ = ["public_one", "_listed_private"]
public_one = 1
public_two = 2
_listed_private = "listed"
_unlisted = "unlisted"
