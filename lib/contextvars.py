# contextvars — context variables (PEP 567), re-exported from the native
# _contextvars module (src/modules/contextvars.c).
from _contextvars import Context, ContextVar, Token, copy_context

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')
