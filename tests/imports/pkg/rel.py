# Helper submodule using relative imports.
from . import sub
from .sub import SUB_VAR
from .inner.deep import DEEP
from .inner import deep as deep_mod
def describe():
    return (sub.__name__, SUB_VAR, DEEP, deep_mod.__name__, __package__)
