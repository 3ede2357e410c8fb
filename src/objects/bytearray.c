// bytearray.c — bytearray: a mutable byte string.
//
// Invariants:
// - `data` is NULL (empty, nothing allocated, allocated == 0) or a
//   wf_mem_malloc'd block of `allocated` bytes holding ob_size bytes plus a
//   NUL; allocated >= ob_size + 1.
// - Storage is never resized in place: growing allocates a new block, copies,
//   publishes it with a release store and only then publishes the larger
//   size (release); new bytes are written before the size that covers them
//   is published. Shrinking keeps the block and lowers the size. So a reader
//   that loads the size (acquire) and then the storage (acquire) never reads
//   past the block it sees, nor unwritten bytes.
// - The replaced block is retired through QSBR (wf_qsbr_free_storage), so a
//   lock-free (data, size) view (wf_bytes_like_get, used by other modules)
//   stays readable until the reader's next quiescent point.
// - Every mutation, and every method or slot that reads the content, runs
//   inside the object's critical section (ob_mutex). Argument conversions
//   that may run Python code (__index__, iteration) happen before the content
//   is read, so what is read is consistent with the lock held.
#include <limits.h>

#include "objects/arg.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "sync/qsbr.h"

#define BA(o) ((WfByteArrayObject *)(o))

static wf_ssize ba_size(WfObject *o) { return __atomic_load_n(&BA(o)->ob_base.ob_size, __ATOMIC_ACQUIRE); }

// Makes the block hold at least `size` bytes (+ NUL), keeping the content,
// with CPython's PyByteArray_Resize growth rule (so __alloc__ agrees).
// Growing past the block allocates a new one and publishes it (release)
// before any size that needs it. Shrinking keeps the block: a smaller block
// published under a reader that still holds the old, larger size would let
// it read past the end. The size itself is not changed here.
static int ba_reserve(WfObject *o, wf_ssize size) {
    WfByteArrayObject *ba = BA(o);
    if (size < 0 || size > PTRDIFF_MAX - 64) {
        wf_err_no_memory();
        return -1;
    }
    if (size + 1 <= ba->allocated) return 0;
    wf_ssize alloc = ba->allocated;
    if ((double)size <= (double)alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
    else alloc = size + 1;
    char *nd = wf_mem_malloc((size_t)alloc);
    if (!nd) {
        wf_err_no_memory();
        return -1;
    }
    char *old = ba->data;
    if (old) memcpy(nd, old, (size_t)ba->ob_base.ob_size);
    nd[ba->ob_base.ob_size] = '\0';
    __atomic_store_n(&ba->data, nd, __ATOMIC_RELEASE);  // publish the block before the size that needs it
    ba->allocated = alloc;
    wf_qsbr_free_storage(old);  // readers may still hold the old block
    return 0;
}

// Publishes a new size whose bytes are already written (release: a reader
// that sees the size sees them).
static void ba_publish_size(WfObject *o, wf_ssize size) {
    if (BA(o)->data) BA(o)->data[size] = '\0';
    __atomic_store_n(&BA(o)->ob_base.ob_size, size, __ATOMIC_RELEASE);
}

static int ba_resize(WfObject *o, wf_ssize size) {
    if (ba_reserve(o, size) < 0) return -1;
    ba_publish_size(o, size);
    return 0;
}

// Replaces the content with `n` bytes from `src` (which must not alias the storage).
static int ba_assign(WfObject *o, const char *src, wf_ssize n) {
    if (BA(o)->data) ba_publish_size(o, 0);
    if (n == 0) return 0;
    if (ba_reserve(o, n) < 0) return -1;
    memcpy(BA(o)->data, src, (size_t)n);
    ba_publish_size(o, n);
    return 0;
}

static WfObject *ba_alloc(WfTypeObject *type) {
    WfObject *o = (type == &wf_bytearray_type) ? wf_object_alloc(type) : wf_type_generic_alloc(type, 0);
    if (!o) return wf_err_occurred() ? NULL : wf_err_no_memory();
    BA(o)->ob_base.ob_size = 0;
    BA(o)->allocated = 0;
    BA(o)->data = NULL;
    BA(o)->exports = 0;
    return o;
}

WfObject *wf_bytearray_from_data(const char *data, wf_ssize len) {
    WfObject *o = ba_alloc(&wf_bytearray_type);
    if (!o) return NULL;
    if (len > 0) {
        if (len > PTRDIFF_MAX - 64 || !(BA(o)->data = wf_mem_malloc((size_t)len + 1))) {
            wf_decref(o);
            return wf_err_no_memory();
        }
        BA(o)->allocated = len + 1;  // exact, as PyByteArray_FromStringAndSize
        if (data) memcpy(BA(o)->data, data, (size_t)len);
        else memset(BA(o)->data, 0, (size_t)len);
        BA(o)->data[len] = '\0';
        BA(o)->ob_base.ob_size = len;  // not yet shared
    }
    return o;
}

static void ba_dealloc(WfObject *o) {
    wf_mem_free(BA(o)->data);
    WfTypeObject *t = o->ob_type;
    if (t->tp_free) t->tp_free(o);
    else wf_object_free(o);
}

static WfObject *ba_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return ba_alloc(type);
}

static int ba_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    wf_ssize len;
    char *buf = wf_bytes_ctor_args("bytearray", args, nargs, kwnames, &len, false);
    if (!buf) return -1;
    int r;
    WF_BEGIN_CRITICAL_SECTION(self);
    r = ba_assign(self, buf, len);
    WF_END_CRITICAL_SECTION();
    wf_mem_free(buf);
    return r;
}

// ---------------------------------------------------------------------------
// Slots

static WfObject *ba_repr(WfObject *o) {
    WfObject *inner;
    WF_BEGIN_CRITICAL_SECTION(o);
    inner = wf_bytes_repr(o, true);
    WF_END_CRITICAL_SECTION();
    if (!inner) return NULL;
    const char *name = WF_TYPE(o)->tp_name;
    const char *dot = strrchr(name, '.');
    WfObject *r = wf_str_from_format("%s(%U)", dot ? dot + 1 : name, inner);
    wf_decref(inner);
    return r;
}

static wf_ssize ba_len(WfObject *o) { return ba_size(o); }

static int ba_contains(WfObject *o, WfObject *item) {
    // The item conversion (may run __index__) happens inside wf_bytes_contains
    // before the storage is read; the section is re-held by then.
    int r;
    WF_BEGIN_CRITICAL_SECTION(o);
    r = wf_bytes_contains(o, item);
    WF_END_CRITICAL_SECTION();
    return r;
}

// An index argument (may run __index__): 0 ok, -1 error.
static int index_value(WfObject *key, wf_ssize *out, WfTypeObject *overflow) {
    if (wf_is_smallint(key)) {
        *out = wf_smallint_value(key);
        return 0;
    }
    *out = wf_number_as_ssize(key, overflow);
    return *out == -1 && wf_err_occurred() ? -1 : 0;
}

// self[i] / self[a:b:c] once the key is converted; caller holds the section.
static WfObject *getitem_locked(WfObject *o, bool is_index, wf_ssize i, wf_ssize start, wf_ssize stop, wf_ssize step) {
    const char *d = BA(o)->data;
    wf_ssize len = BA(o)->ob_base.ob_size;
    if (is_index) {
        if (i < 0) i += len;
        if (i < 0 || i >= len) {
            wf_err_set_string(&wf_exc_IndexError, "bytearray index out of range");
            return NULL;
        }
        return wf_smallint_new((unsigned char)d[i]);
    }
    wf_ssize n = wf_slice_adjust_indices(len, &start, &stop, step);
    if (n <= 0) return wf_bytearray_from_data(NULL, 0);
    if (step == 1) return wf_bytearray_from_data(d + start, n);
    WfObject *r = wf_bytearray_from_data(NULL, n);
    if (!r) return NULL;
    for (wf_ssize k = 0, cur = start; k < n; k++, cur += step) BA(r)->data[k] = d[cur];
    return r;
}

static WfObject *ba_getitem(WfObject *o, WfObject *key) {
    wf_ssize i = 0, start = 0, stop = 0, step = 1;
    bool is_index;
    if (wf_is_smallint(key) || wf_index_check(key)) {
        is_index = true;
        if (index_value(key, &i, &wf_exc_IndexError) < 0) return NULL;
    } else if (wf_slice_check(key)) {
        is_index = false;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    } else {
        return wf_err_format(&wf_exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                             WF_TYPE(key)->tp_name);
    }
    WfObject *r;
    WF_BEGIN_CRITICAL_SECTION(o);
    r = getitem_locked(o, is_index, i, start, stop, step);
    WF_END_CRITICAL_SECTION();
    return r;
}

static int get_byte_value(WfObject *v, int *out) {
    if (!wf_is_smallint(v) && !wf_index_check(v)) {
        wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(v)->tp_name);
        return -1;
    }
    int overflow = 0;
    long long x = wf_is_smallint(v) ? wf_smallint_value(v) : 0;
    if (!wf_is_smallint(v)) {
        WfObject *i = wf_number_index(v);
        if (!i) return -1;
        x = wf_int_as_long_long_overflow(i, &overflow);
        wf_decref(i);
    }
    if (overflow || x < 0 || x > 255) {
        wf_err_set_string(&wf_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// Replaces self[lo:hi] by `needed` bytes (not aliasing self's storage).
// Caller holds the critical section.
static int setslice_linear(WfObject *o, wf_ssize lo, wf_ssize hi, const char *bytes, wf_ssize needed) {
    wf_ssize size = BA(o)->ob_base.ob_size;
    if (hi < lo) hi = lo;
    wf_ssize growth = needed - (hi - lo);
    wf_ssize newsize = size + growth;
    if (growth > 0) {
        if (ba_reserve(o, newsize) < 0) return -1;
        char *d = BA(o)->data;
        memmove(d + hi + growth, d + hi, (size_t)(size - hi));
        if (needed) memcpy(d + lo, bytes, (size_t)needed);
        ba_publish_size(o, newsize);
    } else {
        if (BA(o)->data) {
            char *d = BA(o)->data;
            if (needed) memcpy(d + lo, bytes, (size_t)needed);
            memmove(d + lo + needed, d + hi, (size_t)(size - hi));
        }
        if (growth < 0 && ba_resize(o, newsize) < 0) return -1;
    }
    return 0;
}

enum { KEY_INDEX, KEY_SLICE };

// The locked part of ba_setitem: bounds against the current size, then the
// assignment / deletion. `bytes` (needed of them) is a private copy or NULL.
static int setitem_locked(WfObject *o, int keykind, wf_ssize i, int byte, bool has_byte, wf_ssize start,
                          wf_ssize stop, wf_ssize step, const char *bytes, wf_ssize needed) {
    wf_ssize size = BA(o)->ob_base.ob_size, slicelen;
    if (keykind == KEY_INDEX) {
        if (i < 0) i += size;
        if (i < 0 || i >= size) {
            wf_err_set_string(&wf_exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (has_byte) {
            BA(o)->data[i] = (char)byte;
            return 0;
        }
        start = i;
        stop = i + 1;
        step = 1;
        slicelen = 1;
    } else {
        slicelen = wf_slice_adjust_indices(size, &start, &stop, step);
    }
    if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
    if (step == 1) return setslice_linear(o, start, stop, bytes, needed);
    if (needed == 0) {
        // Delete an extended slice: keep the bytes not selected.
        if (slicelen <= 0) return 0;
        char *d = BA(o)->data;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelen - 1) - 1;
            step = -step;
        }
        wf_ssize w = start;
        for (wf_ssize k = start; k < size; k++) {
            bool deleted = (k - start) % step == 0 && (k - start) / step < slicelen;
            if (!deleted) d[w++] = d[k];
        }
        return ba_resize(o, w);
    }
    if (needed != slicelen) {
        wf_err_format(&wf_exc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd", needed,
                      slicelen);
        return -1;
    }
    char *d = BA(o)->data;
    for (wf_ssize k = 0, cur = start; k < slicelen; k++, cur += step) d[cur] = bytes[k];
    return 0;
}

static int ba_setitem(WfObject *o, WfObject *key, WfObject *values) {
    // Conversions first: they may run Python code (__index__, iteration).
    int keykind, byte = 0;
    bool has_byte = false;
    wf_ssize i = 0, start = 0, stop = 0, step = 1;
    if (wf_is_smallint(key) || wf_index_check(key)) {
        keykind = KEY_INDEX;
        if (index_value(key, &i, &wf_exc_IndexError) < 0) return -1;
        if (values) {
            if (get_byte_value(values, &byte) < 0) return -1;
            has_byte = true;
        }
    } else if (wf_slice_check(key)) {
        keykind = KEY_SLICE;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
    } else {
        wf_err_format(&wf_exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                      WF_TYPE(key)->tp_name);
        return -1;
    }
    char *copy = NULL;
    wf_ssize needed = 0;
    if (values && !has_byte) {
        WfNumberMethods *nb = WF_TYPE(values)->tp_as_number;
        if (wf_is_smallint(values) || wf_str_check(values) || (nb && (nb->nb_index || nb->nb_int || nb->nb_float))) {
            wf_err_set_string(&wf_exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        // A private copy: the source may be self or change meanwhile.
        copy = wf_bytes_collect(values, &needed, "bytearray");
        if (!copy) return -1;
    }
    int r;
    WF_BEGIN_CRITICAL_SECTION(o);
    r = setitem_locked(o, keykind, i, byte, has_byte, start, stop, step, copy, needed);
    WF_END_CRITICAL_SECTION();
    wf_mem_free(copy);
    return r;
}

static WfObject *concat_views(WfObject *a, WfObject *b) {
    const char *da, *db;
    wf_ssize la, lb;
    wf_bytes_like_get(a, &da, &la);
    wf_bytes_like_get(b, &db, &lb);
    WfObject *r = wf_bytearray_from_data(NULL, la + lb);
    if (!r) return NULL;
    if (la) memcpy(BA(r)->data, da, (size_t)la);
    if (lb) memcpy(BA(r)->data + la, db, (size_t)lb);
    return r;
}

static WfObject *ba_concat(WfObject *a, WfObject *b) {
    if (!wf_bytearray_check(a)) return wf_newref(wf_NotImplemented);
    if (!wf_bytes_check(b) && !wf_bytearray_check(b))
        return wf_err_format(&wf_exc_TypeError, "can't concat %.100s to %.100s", WF_TYPE(b)->tp_name, WF_TYPE(a)->tp_name);
    WfObject *r;
    if (wf_bytearray_check(b)) {
        WF_BEGIN_CRITICAL_SECTION2(a, b);
        r = concat_views(a, b);
        WF_END_CRITICAL_SECTION2();
    } else {
        WF_BEGIN_CRITICAL_SECTION(a);
        r = concat_views(a, b);
        WF_END_CRITICAL_SECTION();
    }
    return r;
}

// Rich comparison with bytes / bytearray, reading the bytearrays under their locks.
static WfObject *ba_richcompare(WfObject *a, WfObject *b, int op) {
    WfObject *r;
    if (wf_bytearray_check(a) && wf_bytearray_check(b)) {
        WF_BEGIN_CRITICAL_SECTION2(a, b);
        r = wf_bytes_richcompare_data(a, b, op);
        WF_END_CRITICAL_SECTION2();
    } else {
        WfObject *locked = wf_bytearray_check(a) ? a : b;
        WF_BEGIN_CRITICAL_SECTION(locked);
        r = wf_bytes_richcompare_data(a, b, op);
        WF_END_CRITICAL_SECTION();
    }
    return r;
}

// Appends n bytes at d (which may point into self's own storage). Caller
// holds the critical section.
static int ba_extend_data(WfObject *self, const char *d, wf_ssize n) {
    wf_ssize size = BA(self)->ob_base.ob_size;
    if (n == 0) return 0;
    char *tmp = NULL;
    char *cur = BA(self)->data;
    if (cur && d >= cur && d < cur + BA(self)->allocated) {
        // `d` points into our own storage, which the resize may replace.
        if (!(tmp = wf_mem_malloc((size_t)n))) {
            wf_err_no_memory();
            return -1;
        }
        memcpy(tmp, d, (size_t)n);
        d = tmp;
    }
    int r = ba_reserve(self, size + n);
    if (r == 0) {
        memcpy(BA(self)->data + size, d, (size_t)n);
        ba_publish_size(self, size + n);
    }
    wf_mem_free(tmp);
    return r;
}

// self += other (bytes-like), under self's lock; the source is viewed once
// the lock is held (taking it may block and take this thread offline).
static int extend_from_bytes_like(WfObject *self, WfObject *src) {
    int r;
    WF_BEGIN_CRITICAL_SECTION(self);
    const char *d;
    wf_ssize n;
    wf_bytes_like_get(src, &d, &n);
    r = ba_extend_data(self, d, n);
    WF_END_CRITICAL_SECTION();
    return r;
}

static WfObject *ba_inplace_concat(WfObject *a, WfObject *b) {
    if (!wf_bytearray_check(a)) return wf_newref(wf_NotImplemented);
    if (!wf_bytes_check(b) && !wf_bytearray_check(b))
        return wf_err_format(&wf_exc_TypeError, "can't concat %.100s to %.100s", WF_TYPE(b)->tp_name, WF_TYPE(a)->tp_name);
    if (extend_from_bytes_like(a, b) < 0) return NULL;
    return wf_newref(a);
}

static WfObject *repeat_common(WfObject *a, WfObject *b, bool inplace) {
    WfObject *seq = a, *n = b;
    if (!wf_bytearray_check(a)) {
        seq = b;
        n = a;
    }
    wf_ssize count = wf_bytes_repeat_count(n);
    if (count == -1) return NULL;
    if (count == -2)
        return wf_err_format(&wf_exc_TypeError, "can't multiply sequence by non-int of type '%.200s'", WF_TYPE(n)->tp_name);
    const char *d;
    wf_ssize len, outlen;
    if (!inplace) {
        char *buf;
        WF_BEGIN_CRITICAL_SECTION(seq);
        wf_bytes_like_get(seq, &d, &len);
        buf = wf_bytes_repeat_data(d, len, count, &outlen);
        WF_END_CRITICAL_SECTION();
        if (!buf) return NULL;
        WfObject *r = wf_bytearray_from_data(buf, outlen);
        wf_mem_free(buf);
        return r;
    }
    int r;
    WF_BEGIN_CRITICAL_SECTION(seq);
    wf_bytes_like_get(seq, &d, &len);
    char *buf = wf_bytes_repeat_data(d, len, count, &outlen);
    r = buf ? ba_assign(seq, buf, outlen) : -1;
    wf_mem_free(buf);
    WF_END_CRITICAL_SECTION();
    return r < 0 ? NULL : wf_newref(seq);
}

static WfObject *ba_repeat(WfObject *a, WfObject *b) { return repeat_common(a, b, false); }
static WfObject *ba_inplace_repeat(WfObject *a, WfObject *b) { return repeat_common(a, b, true); }

static WfObject *ba_remainder(WfObject *a, WfObject *b) {
    if (!wf_bytearray_check(a)) return wf_newref(wf_NotImplemented);
    WfObject *snapshot;  // the format is read under the lock; formatting runs Python code
    WF_BEGIN_CRITICAL_SECTION(a);
    snapshot = wf_bytes_from_data(BA(a)->data, BA(a)->ob_base.ob_size);
    WF_END_CRITICAL_SECTION();
    if (!snapshot) return NULL;
    WfObject *r = wf_bytes_percent_format(snapshot, b);
    wf_decref(snapshot);
    if (!r) return NULL;
    WfObject *ba = wf_bytearray_from_data(wf_bytes_data(r), wf_bytes_size(r));
    wf_decref(r);
    return ba;
}

static WfNumberMethods ba_as_number = {
    .nb_add = ba_concat,
    .nb_multiply = ba_repeat,
    .nb_remainder = ba_remainder,
    .nb_inplace_add = ba_inplace_concat,
    .nb_inplace_multiply = ba_inplace_repeat,
};

// ---------------------------------------------------------------------------
// Methods

static WfObject *ba_append(WfObject *self, WfObject *item) {
    int v, r;
    if (get_byte_value(item, &v) < 0) return NULL;
    char c = (char)v;
    WF_BEGIN_CRITICAL_SECTION(self);
    r = ba_extend_data(self, &c, 1);
    WF_END_CRITICAL_SECTION();
    return r < 0 ? NULL : wf_none_new();
}

static WfObject *ba_extend(WfObject *self, WfObject *iterable) {
    if (wf_bytes_check(iterable) || wf_bytearray_check(iterable))
        return extend_from_bytes_like(self, iterable) < 0 ? NULL : wf_none_new();
    WfObject *it = wf_is_smallint(iterable) ? NULL : wf_object_get_iter(iterable);
    if (!it) {
        if (wf_is_smallint(iterable) || wf_err_matches(&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "can't extend bytearray with %.100s", WF_TYPE(iterable)->tp_name);
        }
        return NULL;
    }
    // Collected first (iteration runs Python code; an error leaves self unchanged, as CPython).
    wf_ssize n = 0, cap = 16;
    char *buf = wf_mem_malloc((size_t)cap);
    if (!buf) {
        wf_decref(it);
        return wf_err_no_memory();
    }
    for (;;) {
        WfObject *item = wf_iter_next(it);
        if (!item) break;
        int v;
        int r = get_byte_value(item, &v);
        wf_decref(item);
        if (r == 0 && n == cap) {
            char *nb = wf_mem_realloc(buf, (size_t)(cap *= 2));
            if (!nb) {
                wf_err_no_memory();
                r = -1;
            } else {
                buf = nb;
            }
        }
        if (r < 0) {
            wf_mem_free(buf);
            wf_decref(it);
            return NULL;
        }
        buf[n++] = (char)v;
    }
    wf_decref(it);
    int r = -1;
    if (!wf_err_occurred()) {
        WF_BEGIN_CRITICAL_SECTION(self);
        r = ba_extend_data(self, buf, n);
        WF_END_CRITICAL_SECTION();
    }
    wf_mem_free(buf);
    return r < 0 ? NULL : wf_none_new();
}

static WfObject *ba_pop(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("pop", nargs, 0, 1) < 0) return NULL;
    wf_ssize i = -1;
    if (nargs) {
        if (!wf_is_smallint(args[0]) && !wf_index_check(args[0]))
            return wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                 WF_TYPE(args[0])->tp_name);
        if (index_value(args[0], &i, &wf_exc_IndexError) < 0) return NULL;
    }
    int c = -1;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_ssize size = BA(self)->ob_base.ob_size;
    if (size == 0) {
        wf_err_set_string(&wf_exc_IndexError, "pop from empty bytearray");
    } else {
        if (i < 0) i += size;
        if (i < 0 || i >= size) {
            wf_err_set_string(&wf_exc_IndexError, "pop index out of range");
        } else {
            char *d = BA(self)->data;
            c = (unsigned char)d[i];
            memmove(d + i, d + i + 1, (size_t)(size - i - 1));
            if (ba_resize(self, size - 1) < 0) c = -1;
        }
    }
    WF_END_CRITICAL_SECTION();
    return c < 0 ? NULL : wf_smallint_new(c);
}

static WfObject *ba_insert(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("insert", nargs, 2, 2) < 0) return NULL;
    if (!wf_is_smallint(args[0]) && !wf_index_check(args[0]))
        return wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                             WF_TYPE(args[0])->tp_name);
    wf_ssize i;
    int v, r;
    if (index_value(args[0], &i, &wf_exc_OverflowError) < 0 || get_byte_value(args[1], &v) < 0) return NULL;
    char c = (char)v;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_ssize size = BA(self)->ob_base.ob_size;
    if (i < 0) {
        i += size;
        if (i < 0) i = 0;
    }
    if (i > size) i = size;
    r = setslice_linear(self, i, i, &c, 1);
    WF_END_CRITICAL_SECTION();
    return r < 0 ? NULL : wf_none_new();
}

static WfObject *ba_remove(WfObject *self, WfObject *item) {
    int v, r = -1;
    if (get_byte_value(item, &v) < 0) return NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_ssize size = BA(self)->ob_base.ob_size;
    char *d = BA(self)->data;
    char *p = size ? memchr(d, v, (size_t)size) : NULL;
    if (!p) wf_err_set_string(&wf_exc_ValueError, "value not found in bytearray");
    else r = setslice_linear(self, p - d, p - d + 1, NULL, 0);
    WF_END_CRITICAL_SECTION();
    return r < 0 ? NULL : wf_none_new();
}

static WfObject *ba_reverse(WfObject *self, WfObject *unused) {
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_ssize n = BA(self)->ob_base.ob_size;
    char *d = BA(self)->data;
    for (wf_ssize i = 0, j = n - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    WF_END_CRITICAL_SECTION();
    return wf_none_new();
}

static WfObject *ba_clear(WfObject *self, WfObject *unused) {
    int r = 0;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (BA(self)->data) r = ba_resize(self, 0);
    WF_END_CRITICAL_SECTION();
    return r < 0 ? NULL : wf_none_new();
}

static WfObject *ba_copy(WfObject *self, WfObject *unused) {
    WfObject *r;
    WF_BEGIN_CRITICAL_SECTION(self);
    r = wf_bytearray_from_data(BA(self)->data, BA(self)->ob_base.ob_size);
    WF_END_CRITICAL_SECTION();
    return r;
}

static WfObject *ba_alloc_method(WfObject *self, WfObject *unused) { return wf_int_from_ssize(BA(self)->allocated); }

static WfObject *ba_sizeof(WfObject *self, WfObject *unused) {
    return wf_int_from_ssize((wf_ssize)sizeof(WfByteArrayObject) + BA(self)->allocated);
}

// The shared bytes methods, each run inside self's critical section. They
// convert their arguments (which may run Python code, suspending the
// section) before reading self, so self is read with the lock held.
#define LOCKED_O(n)                                                   \
    static WfObject *ba_locked_##n(WfObject *self, WfObject *arg) {  \
        WfObject *r;                                                  \
        WF_BEGIN_CRITICAL_SECTION(self);                              \
        r = wf_bytes_method_##n(self, arg);                           \
        WF_END_CRITICAL_SECTION();                                    \
        return r;                                                     \
    }
#define LOCKED_FAST(n)                                                                      \
    static WfObject *ba_locked_##n(WfObject *self, WfObject *const *args, size_t nargs) {  \
        WfObject *r;                                                                        \
        WF_BEGIN_CRITICAL_SECTION(self);                                                    \
        r = wf_bytes_method_##n(self, args, nargs);                                         \
        WF_END_CRITICAL_SECTION();                                                          \
        return r;                                                                           \
    }
#define LOCKED_FASTKW(n)                                                                                        \
    static WfObject *ba_locked_##n(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {  \
        WfObject *r;                                                                                            \
        WF_BEGIN_CRITICAL_SECTION(self);                                                                        \
        r = wf_bytes_method_##n(self, args, nargs, kwnames);                                                    \
        WF_END_CRITICAL_SECTION();                                                                              \
        return r;                                                                                               \
    }
WF_BYTES_NOARGS_METHODS(LOCKED_O)
WF_BYTES_FASTKW_METHODS(LOCKED_FASTKW)
LOCKED_FAST(find) LOCKED_FAST(rfind) LOCKED_FAST(index) LOCKED_FAST(rindex) LOCKED_FAST(count)
LOCKED_FAST(startswith) LOCKED_FAST(endswith) LOCKED_FAST(strip) LOCKED_FAST(lstrip) LOCKED_FAST(rstrip)
LOCKED_FAST(replace) LOCKED_FAST(center) LOCKED_FAST(ljust) LOCKED_FAST(rjust)
LOCKED_O(join) LOCKED_O(partition) LOCKED_O(rpartition) LOCKED_O(removeprefix) LOCKED_O(removesuffix) LOCKED_O(zfill)
// No receiver to lock: the static maketrans and the class method fromhex.
#define ba_locked_maketrans wf_bytes_method_maketrans
#define ba_locked_fromhex wf_bytes_method_fromhex
#define BA_METHOD_FN(name) ba_locked_##name

static const WfMethodDef ba_methods[] = {
    WF_BYTES_SHARED_METHODS(BA_METHOD_FN),
    WF_METHOD("append", ba_append, WF_METH_O,
              "append($self, item, /)\n--\n\nAppend a single item to the end of the bytearray."),
    WF_METHOD("clear", ba_clear, WF_METH_NOARGS, "clear($self, /)\n--\n\nRemove all items from the bytearray."),
    WF_METHOD("copy", ba_copy, WF_METH_NOARGS, "copy($self, /)\n--\n\nReturn a copy of B."),
    WF_METHOD("extend", ba_extend, WF_METH_O,
              "extend($self, iterable_of_ints, /)\n--\n\nAppend all the items from the iterator or sequence to the end of the bytearray."),
    WF_METHOD("insert", ba_insert, WF_METH_FASTCALL,
              "insert($self, index, item, /)\n--\n\nInsert a single item into the bytearray before the given index."),
    WF_METHOD("pop", ba_pop, WF_METH_FASTCALL,
              "pop($self, index=-1, /)\n--\n\nRemove and return a single item from B."),
    WF_METHOD("remove", ba_remove, WF_METH_O,
              "remove($self, value, /)\n--\n\nRemove the first occurrence of a value in the bytearray."),
    WF_METHOD("reverse", ba_reverse, WF_METH_NOARGS, "reverse($self, /)\n--\n\nReverse the order of the values in B in place."),
    WF_METHOD("__alloc__", ba_alloc_method, WF_METH_NOARGS,
              "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."),
    WF_METHOD("__sizeof__", ba_sizeof, WF_METH_NOARGS,
              "__sizeof__($self, /)\n--\n\nReturns the size of the bytearray object in memory, in bytes."),
    WF_METHOD_END,
};

// ---------------------------------------------------------------------------
// Iterator: re-reads the current size at each step (the bytearray may change).

typedef struct {
    WfObject ob_base;
    WfObject *seq;
    _Atomic(wf_ssize) index;
} WfByteArrayIterObject;

static WfObject *ba_iter(WfObject *o) {
    WfByteArrayIterObject *it = (WfByteArrayIterObject *)wf_object_alloc(&wf_bytearray_iterator_type);
    if (!it) return wf_err_occurred() ? NULL : wf_err_no_memory();
    it->seq = wf_newref(o);
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    return (WfObject *)it;
}

static WfObject *ba_iter_next(WfObject *o) {
    WfByteArrayIterObject *it = (WfByteArrayIterObject *)o;
    int byte = -1;
    // The section orders this step against mutations; the index CAS (relaxed:
    // it only claims a position) keeps a shared iterator from repeating items.
    WF_BEGIN_CRITICAL_SECTION(it->seq);
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);
    for (;;) {
        if (i >= BA(it->seq)->ob_base.ob_size) break;
        if (atomic_compare_exchange_weak_explicit(&it->index, &i, i + 1, memory_order_relaxed, memory_order_relaxed)) {
            byte = (unsigned char)BA(it->seq)->data[i];
            break;
        }
    }
    WF_END_CRITICAL_SECTION();
    return byte < 0 ? NULL : wf_smallint_new(byte);
}

static void ba_iter_dealloc(WfObject *o) {
    wf_decref(((WfByteArrayIterObject *)o)->seq);
    wf_object_free(o);
}

static WfObject *iter_self(WfObject *o) { return wf_newref(o); }

static WfObject *ba_iter_length_hint(WfObject *o, WfObject *unused) {
    WfByteArrayIterObject *it = (WfByteArrayIterObject *)o;
    wf_ssize left = ba_size(it->seq) - atomic_load_explicit(&it->index, memory_order_relaxed);
    return wf_int_from_ssize(left < 0 ? 0 : left);
}

static const WfMethodDef ba_iter_methods[] = {
    WF_METHOD("__length_hint__", ba_iter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_bytearray_iterator_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(WfByteArrayIterObject),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = ba_iter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = ba_iter_next,
    .tp_methods = ba_iter_methods,
};

WfTypeObject wf_bytearray_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(WfByteArrayObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array\n\n"
              "Construct a mutable bytearray object from:\n"
              "  - an iterable yielding integers in range(256)\n"
              "  - a text string encoded using the specified encoding\n"
              "  - a bytes or a buffer object\n"
              "  - any object implementing the buffer API.\n"
              "  - an integer",
    .tp_dealloc = ba_dealloc,
    .tp_repr = ba_repr,
    .tp_str = ba_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = ba_richcompare,
    .tp_iter = ba_iter,
    .tp_init = ba_init,
    .tp_new = ba_new,
    .tp_as_number = &ba_as_number,
    .tp_len = ba_len,
    .tp_getitem = ba_getitem,
    .tp_setitem = ba_setitem,
    .tp_contains = ba_contains,
    .tp_methods = ba_methods,
};
