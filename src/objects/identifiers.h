// identifiers.h — interned identifier strings used by the C code, one X-macro
// list. WF_ID(__init__) is the immortal interned str "__init__".
// Add names here (keep them sorted within their group).
#ifndef WF_IDENTIFIERS_H
#define WF_IDENTIFIERS_H

#include "objects/object.h"

#define WF_IDENTIFIERS(X) \
    X(__abs__) X(__add__) X(__all__) X(__and__) X(__annotations__) X(__bool__) X(__build_class__) \
    X(__builtins__) X(__bytes__) X(__call__) X(__cause__) X(__class__) X(__class_getitem__) X(__classcell__) \
    X(__complex__) X(__contains__) X(__context__) X(__del__) X(__delattr__) X(__delete__) \
    X(__delitem__) X(__dict__) X(__dir__) X(__divmod__) X(__doc__) X(__enter__) X(__eq__) \
    X(__exit__) X(__file__) X(__float__) X(__floordiv__) X(__format__) X(__ge__) X(__get__) \
    X(__getattr__) X(__getattribute__) X(__getitem__) X(__gt__) X(__hash__) X(__iadd__) \
    X(__iand__) X(__ifloordiv__) X(__ilshift__) X(__imatmul__) X(__imod__) X(__import__) \
    X(__imul__) X(__index__) X(__init__) X(__init_subclass__) X(__int__) X(__invert__) X(__ior__) \
    X(__ipow__) X(__irshift__) X(__isub__) X(__iter__) X(__itruediv__) X(__ixor__) X(__le__) \
    X(__len__) X(__length_hint__) X(__loader__) X(__lshift__) X(__lt__) X(__main__) X(__matmul__) \
    X(__missing__) X(__mod__) X(__module__) X(__mro__) X(__mul__) X(__name__) X(__ne__) X(__neg__) \
    X(__new__) X(__next__) X(__or__) X(__package__) X(__path__) X(__pos__) X(__pow__) \
    X(__prepare__) X(__qualname__) X(__radd__) X(__rand__) X(__rdivmod__) X(__repr__) \
    X(__reversed__) X(__rfloordiv__) X(__rlshift__) X(__rmatmul__) X(__rmod__) X(__rmul__) \
    X(__ror__) X(__round__) X(__rpow__) X(__rrshift__) X(__rshift__) X(__rsub__) X(__rtruediv__) \
    X(__rxor__) X(__set__) X(__set_name__) X(__setattr__) X(__setitem__) X(__slots__) X(__spec__) \
    X(__str__) X(__sub__) X(__subclasscheck__) X(__instancecheck__) X(__truediv__) X(__trunc__) \
    X(__xor__) X(__weakref__) X(__ceil__) X(__floor__) X(__mro_entries__) X(__orig_bases__) \
    X(__traceback__) X(__notes__) X(__await__) X(__aiter__) X(__anext__) X(__aenter__) X(__aexit__) \
    X(args) X(append) X(argv) X(builtins) X(close) X(code) X(decode) X(encode) X(end) X(errno) \
    X(extend) X(fileno) X(filename) X(flush) X(get) X(items) X(keys) X(lineno) X(metaclass) \
    X(mro) X(msg) X(name) X(obj) X(offset) X(path) X(print_file_and_line) X(read) X(readline) \
    X(send) X(sep) X(sort) X(stderr) X(stdin) X(stdout) X(strict) X(text) X(throw) X(update) \
    X(value) X(values) X(write) X(excepthook) X(displayhook) X(modules) X(key) X(reverse) \
    X(file) X(self) X(cls) X(_is_coroutine)

typedef struct {
#define WF_ID_FIELD(name) WfObject *id_##name;
    WF_IDENTIFIERS(WF_ID_FIELD)
#undef WF_ID_FIELD
} WfIdentifiers;

extern WfIdentifiers wf_identifiers;
#define WF_ID(name) (wf_identifiers.id_##name)

int wf_identifiers_init(void);  // called once at startup, after str is ready

#endif
