// bytes.h — bytes (immutable, data inline, NUL-terminated) and bytearray
// (mutable; storage replaced, never resized in place, under its critical section).
#ifndef WF_BYTES_H
#define WF_BYTES_H

#include "objects/object.h"

typedef struct {
    WfVarObject ob_base;       // ob_size: number of bytes
    _Atomic(intptr_t) hash;    // -1 until computed
    char data[];               // ob_size + 1 bytes, NUL-terminated
} WfBytesObject;

typedef struct {
    WfVarObject ob_base;       // ob_size: length
    wf_ssize allocated;
    char *data;
    wf_ssize exports;
} WfByteArrayObject;

extern WfTypeObject wf_bytes_type, wf_bytearray_type;

WF_INLINE bool wf_bytes_check(WfObject *o) {
    return !wf_is_smallint(o) && wf_type_has_flag(o->ob_type, WF_TPFLAGS_BYTES_SUBCLASS);
}
WF_INLINE char *wf_bytes_data(WfObject *b) { return ((WfBytesObject *)b)->data; }
WF_INLINE wf_ssize wf_bytes_size(WfObject *b) { return ((WfVarObject *)b)->ob_size; }
WF_INLINE bool wf_bytearray_check(WfObject *o) { return wf_type_check(o, &wf_bytearray_type); }

WfObject *wf_bytes_from_data(const char *data, wf_ssize len);  // data NULL: uninitialized
WfObject *wf_bytes_from_object(WfObject *o);                    // bytes(o)
WfObject *wf_bytes_repr(WfObject *b, bool smartquotes);
WfObject *wf_bytearray_from_data(const char *data, wf_ssize len);
// Contiguous-buffer view of bytes/bytearray (a tiny buffer protocol): 0 ok,
// -1 + TypeError "a bytes-like object is required, not 'str'".
int wf_bytes_like_get(WfObject *o, const char **data, wf_ssize *len);
WfObject *wf_bytes_concat(WfObject *a, WfObject *b);            // bytes + bytes-like
intptr_t wf_bytes_hash(WfObject *b);
WfObject *wf_bytes_decode(WfObject *b, const char *encoding, const char *errors);  // NULLs: utf-8, strict
extern WfTypeObject wf_bytes_iterator_type, wf_bytearray_iterator_type;
int wf_bytes_init(void);  // readies bytes, bytearray and their iterators (called by wf_strings_init)

#endif
