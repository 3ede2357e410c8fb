// float.h — float: a boxed C double. Invariant: value is immutable after creation.
#ifndef WF_FLOAT_H
#define WF_FLOAT_H

#include "objects/object.h"

typedef struct {
    WfObject ob_base;
    double value;
} WfFloatObject;

extern WfTypeObject wf_float_type;

WF_INLINE bool wf_float_check_exact(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_float_type; }
WF_INLINE bool wf_float_check(WfObject *o) { return wf_type_check(o, &wf_float_type); }
WF_INLINE double wf_float_value(WfObject *o) { return ((WfFloatObject *)o)->value; }

WfObject *wf_float_new(double v);
double wf_float_as_double(WfObject *o);                  // float or __float__ / __index__; -1.0 + exception
// float(o) for one argument: __float__, __index__, str/bytes/bytearray parsing;
// CPython's errors. New reference (an exact float).
WfObject *wf_float_from_object(WfObject *o);
WfObject *wf_float_from_string(const char *s, wf_ssize len);  // float('1e5'), ' inf ', 'nan'; ValueError
// repr(float): the shortest string that round-trips ('0.1', '1e+16', 'inf', 'nan', '-0.0').
// Writes into buf (>= 32 bytes); returns length.
int wf_float_repr_buf(double v, char *buf, size_t size);
WfObject *wf_float_repr_new(double v);
// Format with a printf-like type ('e','f','g','r', ...) and precision, CPython's
// PyOS_double_to_string semantics (flags: WF_DTOSTR_*).
#define WF_DTOSTR_SIGN 0x01
#define WF_DTOSTR_ADD_DOT_0 0x02
#define WF_DTOSTR_ALT 0x04
#define WF_DTOSTR_NO_NEG_0 0x08
char *wf_float_to_string(double v, char format_code, int precision, int flags);  // wf_mem_malloc'd
intptr_t wf_float_hash_double(double v);                 // CPython's _Py_HashDouble (NaN: by identity → use object)

#endif
