# signal.py — CPython's Lib/signal.py over weft's native _signal module
# (src/modules/signal.c): the Signals and Handlers enums and the wrappers that
# convert to and from them. weft has no enum module yet, so the two enums are
# made by _IntEnumLite below: int subclasses with CPython's repr
# (<Signals.SIGINT: 2>), str/format as int, name/value, lookup by value
# (Signals(2)) and by name (Signals['SIGINT']), iteration in value order and
# aliases resolved to the first name by (value, name), as IntEnum._convert_.
import _signal
from _signal import *


class _IntEnumLiteType(type):
    def __iter__(cls):
        return iter(cls._member_list_)

    def __len__(cls):
        return len(cls._member_list_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, value):
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class _IntEnumLite(int, metaclass=_IntEnumLiteType):
    def __new__(cls, value):
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__)) from None

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, int(self))

    __str__ = int.__repr__

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    def __reduce_ex__(self, proto):
        return self._name_

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)


def _convert(name, predicate):
    cls = _IntEnumLiteType(name, (_IntEnumLite,), {"__module__": __name__, "__qualname__": name})
    members = sorted(((k, v) for k, v in _globals.items() if predicate(k)), key=lambda t: (t[1], t[0]))
    cls._value2member_map_ = {}
    cls._member_map_ = {}
    cls._member_list_ = []
    for key, value in members:
        member = cls._value2member_map_.get(value)
        if member is None:
            member = int.__new__(cls, value)
            member._name_ = key
            cls._value2member_map_[value] = member
            cls._member_list_.append(member)
        cls._member_map_[key] = member
        setattr(cls, key, member)
    _globals.update(cls._member_map_)
    _globals[name] = cls
    return cls


_globals = globals()

_convert('Signals', lambda name: name.isupper()
         and (name.startswith('SIG') and not name.startswith('SIG_'))
         or name.startswith('CTRL_'))

_convert('Handlers', lambda name: name in ('SIG_DFL', 'SIG_IGN'))

del _convert


def _int_to_enum(value, enum_klass):
    """Convert a possible numeric value to an IntEnum member.
    If it's not a known member, return the value itself.
    """
    if not isinstance(value, int):
        return value
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    """Convert an IntEnum member to a numeric value.
    If it's not an IntEnum member return the value itself.
    """
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


# Similar to functools.wraps(), but only assign __doc__.
# __module__ should be preserved,
# __name__ and __qualname__ are already fine,
# __wrapped__ is not a good idea.
def _wraps(wrapped):
    def decorator(wrapper):
        wrapper.__doc__ = wrapped.__doc__
        return wrapper
    return decorator


@_wraps(_signal.signal)
def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


if 'valid_signals' in _globals:
    @_wraps(_signal.valid_signals)
    def valid_signals():
        return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


del _wraps
