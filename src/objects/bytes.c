// bytes.c — bytes: an immutable byte string stored inline (NUL-terminated),
// its constructor, repr, hash, comparisons, sequence slots and iterator, and
// the tiny buffer protocol shared with bytearray (wf_bytes_like_get).
//
// Invariants:
// - ob_size is the length; data[ob_size] == '\0'; the bytes never change
//   after the creator returns the object.
// - `hash` is -1 until computed; written with relaxed atomics (same value by
//   every writer: SipHash of the immutable data, as CPython's bytes hash).
// - b'' is a static immortal singleton.
#include "objects/bytes.h"

#include <limits.h>

#include "objects/arg.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

static struct {
    WfBytesObject b;
    char data[8];
} empty_bytes = {
    .b = { .ob_base = WF_STATIC_VAR_HEAD(&wf_bytes_type, 0), .hash = 0 },
    .data = { 0 },
};

static WfObject *bytes_alloc(WfTypeObject *type, wf_ssize len) {
    if (len < 0) return wf_err_bad_internal_call("wf_bytes_from_data");
    if (len > PTRDIFF_MAX - (wf_ssize)sizeof(WfBytesObject) - 16) return wf_err_no_memory();
    WfObject *o;
    if (type == &wf_bytes_type) {
        // Exact bytes: a plain block, not zeroed (the header is written here
        // and by wf_object_init_header; the caller writes the len bytes).
        o = wf_mem_malloc(sizeof(WfBytesObject) + (size_t)len + 1);
        if (!o) return wf_err_no_memory();
        wf_object_init_header(o, type);
    } else {
        o = wf_object_alloc_var(type, len + 1);  // subclasses: zeroed, with their pre-header
        if (!o) return wf_err_occurred() ? NULL : wf_err_no_memory();
    }
    WfBytesObject *b = (WfBytesObject *)o;
    b->ob_base.ob_size = len;
    atomic_store_explicit(&b->hash, -1, memory_order_relaxed);
    b->data[len] = '\0';
    return o;
}

WfObject *wf_bytes_from_data(const char *data, wf_ssize len) {
    if (len == 0) return (WfObject *)&empty_bytes;
    WfObject *o = bytes_alloc(&wf_bytes_type, len);
    if (o && data) memcpy(wf_bytes_data(o), data, (size_t)len);
    return o;
}

WfObject *wf_bytes_shrink_fresh(WfObject *b, wf_ssize len) {
    if (len >= wf_bytes_size(b)) return b;
    if (len == 0) {
        wf_decref(b);
        return (WfObject *)&empty_bytes;
    }
    // Nobody else has seen b: shrink its block (mimalloc keeps it in place
    // unless it shrinks by more than half).
    WfObject *r = wf_mem_realloc(b, sizeof(WfBytesObject) + (size_t)len + 1);
    if (!r) r = b;  // keep the larger block
    ((WfBytesObject *)r)->ob_base.ob_size = len;
    wf_bytes_data(r)[len] = '\0';
    return r;
}

int wf_bytes_like_get(WfObject *o, const char **data, wf_ssize *len) {
    if (wf_bytes_check(o)) {
        *data = wf_bytes_data(o);
        *len = wf_bytes_size(o);
        return 0;
    }
    if (wf_bytearray_check(o)) {
        WfByteArrayObject *ba = (WfByteArrayObject *)o;
        // Size first, then storage (acquire): storage is published before the
        // size that needs it, so the pair read here is consistent.
        *len = __atomic_load_n(&ba->ob_base.ob_size, __ATOMIC_ACQUIRE);
        char *d = __atomic_load_n(&ba->data, __ATOMIC_ACQUIRE);
        *data = d ? d : "";
        return 0;
    }
    wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%.100s'", WF_TYPE(o)->tp_name);
    return -1;
}

intptr_t wf_bytes_hash(WfObject *o) {
    WfBytesObject *b = (WfBytesObject *)o;
    intptr_t h = atomic_load_explicit(&b->hash, memory_order_relaxed);
    if (h != -1) return h;
    h = wf_hash_bytes(b->data, b->ob_base.ob_size);
    atomic_store_explicit(&b->hash, h, memory_order_relaxed);  // deterministic value: relaxed suffices
    return h;
}

WfObject *wf_bytes_repr(WfObject *o, bool smartquotes) {
    const char *data;
    wf_ssize len;
    if (wf_bytes_like_get(o, &data, &len) < 0) return NULL;
    char quote = '\'';
    // bytearray's repr escapes every single quote, even inside "..." (as CPython).
    bool escape_squote = wf_bytearray_check(o);
    if (smartquotes && memchr(data, '\'', (size_t)len) && !memchr(data, '"', (size_t)len)) quote = '"';
    if (len > (PTRDIFF_MAX - 3) / 4) {
        wf_err_set_string(&wf_exc_OverflowError, "bytes object is too large to make repr");
        return NULL;
    }
    char *buf = wf_mem_malloc((size_t)(len * 4 + 3));
    if (!buf) return wf_err_no_memory();
    wf_ssize n = 0;
    static const char hex[] = "0123456789abcdef";
    buf[n++] = 'b';
    buf[n++] = quote;
    for (wf_ssize i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == (unsigned char)quote || c == '\\' || (c == '\'' && escape_squote)) {
            buf[n++] = '\\';
            buf[n++] = (char)c;
        } else if (c == '\t') {
            buf[n++] = '\\';
            buf[n++] = 't';
        } else if (c == '\n') {
            buf[n++] = '\\';
            buf[n++] = 'n';
        } else if (c == '\r') {
            buf[n++] = '\\';
            buf[n++] = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            buf[n++] = '\\';
            buf[n++] = 'x';
            buf[n++] = hex[c >> 4];
            buf[n++] = hex[c & 15];
        } else {
            buf[n++] = (char)c;
        }
    }
    buf[n++] = quote;
    WfObject *r = wf_str_from_ascii(buf, n);
    wf_mem_free(buf);
    return r;
}

static WfObject *bytes_repr(WfObject *o) { return wf_bytes_repr(o, true); }

// ---------------------------------------------------------------------------
// Construction from objects (shared with bytearray via bytes_internal)

// Collects the bytes of `o` (the non-string sources of bytes()/bytearray()):
// an int count, a bytes-like object, or an iterable of ints. Returns a
// wf_mem_malloc'd buffer (length in *len) or NULL with an exception.
char *wf_bytes_collect(WfObject *o, wf_ssize *len, const char *ctor) {
    const char *data;
    wf_ssize n;
    if (wf_bytes_check(o) || wf_bytearray_check(o)) {
        if (wf_bytes_like_get(o, &data, &n) < 0) return NULL;
        char *buf = wf_mem_malloc((size_t)n + 1);
        if (!buf) {
            wf_err_no_memory();
            return NULL;
        }
        memcpy(buf, data, (size_t)n);
        *len = n;
        return buf;
    }
    if (wf_is_smallint(o) || wf_index_check(o)) {
        n = wf_number_as_ssize(o, &wf_exc_OverflowError);
        if (n == -1 && wf_err_occurred()) {
            if (wf_err_matches(&wf_exc_OverflowError)) {
                wf_err_clear();
                wf_err_set_string(&wf_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            return NULL;
        }
        if (n < 0) {
            wf_err_set_string(&wf_exc_ValueError, "negative count");
            return NULL;
        }
        char *buf = wf_mem_calloc(1, (size_t)n + 1);
        if (!buf) {
            wf_err_no_memory();
            return NULL;
        }
        *len = n;
        return buf;
    }
    WfObject *it = wf_object_get_iter(o);
    if (!it) {
        if (wf_err_matches(&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "cannot convert '%.200s' object to %s", WF_TYPE(o)->tp_name, ctor);
        }
        return NULL;
    }
    wf_ssize cap = 16;
    n = 0;
    char *buf = wf_mem_malloc((size_t)cap + 1);
    if (!buf) {
        wf_decref(it);
        wf_err_no_memory();
        return NULL;
    }
    for (;;) {
        WfObject *item = wf_iter_next(it);
        if (!item) {
            if (wf_err_occurred()) goto fail;
            break;
        }
        wf_ssize v;
        if (wf_is_smallint(item)) {
            v = wf_smallint_value(item);
        } else if (wf_index_check(item)) {
            v = wf_number_as_ssize(item, NULL);
            if (v == -1 && wf_err_occurred()) {
                wf_decref(item);
                goto fail;
            }
        } else {
            wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          WF_TYPE(item)->tp_name);
            wf_decref(item);
            goto fail;
        }
        wf_decref(item);
        if (v < 0 || v > 255) {
            wf_err_set_string(&wf_exc_ValueError, "bytes must be in range(0, 256)");
            goto fail;
        }
        if (n == cap) {
            cap *= 2;
            char *nb = wf_mem_realloc(buf, (size_t)cap + 1);
            if (!nb) {
                wf_err_no_memory();
                goto fail;
            }
            buf = nb;
        }
        buf[n++] = (char)v;
    }
    wf_decref(it);
    *len = n;
    return buf;
fail:
    wf_decref(it);
    wf_mem_free(buf);
    return NULL;
}

WfObject *wf_bytes_from_object(WfObject *o) {
    if (wf_bytes_check(o) && WF_TYPE(o) == &wf_bytes_type) return wf_newref(o);
    wf_ssize len;
    char *buf = wf_bytes_collect(o, &len, "bytes");
    if (!buf) return NULL;
    WfObject *r = wf_bytes_from_data(buf, len);
    wf_mem_free(buf);
    return r;
}

// Parses (source, encoding, errors) of bytes()/bytearray(): returns the raw
// bytes (wf_mem_malloc'd) or NULL; *absent set when no source was given.
char *wf_bytes_ctor_args(const char *name, WfObject *const *args, size_t nargs, WfObject *kwnames, wf_ssize *len,
                         bool allow_dunder_bytes) {
    WfArgParser parser = {name, "|OOO", {"source", "encoding", "errors", NULL}};
    WfObject *src = NULL, *enc = NULL, *err = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &src, &enc, &err) < 0) return NULL;
    if (enc && !wf_str_check(enc)) {
        wf_err_format(&wf_exc_TypeError, "%s() argument 'encoding' must be str, not %.100s", name, WF_TYPE(enc)->tp_name);
        return NULL;
    }
    if (err && !wf_str_check(err)) {
        wf_err_format(&wf_exc_TypeError, "%s() argument 'errors' must be str, not %.100s", name, WF_TYPE(err)->tp_name);
        return NULL;
    }
    if (src == NULL) {
        if (enc || err) {
            wf_err_set_string(&wf_exc_TypeError, enc ? "encoding without a string argument" : "errors without a string argument");
            return NULL;
        }
        *len = 0;
        return wf_mem_calloc(1, 1);
    }
    if (wf_str_check(src)) {
        if (!enc) {
            wf_err_set_string(&wf_exc_TypeError, "string argument without an encoding");
            return NULL;
        }
        const char *e = wf_str_as_utf8_borrow(enc), *r = err ? wf_str_as_utf8_borrow(err) : NULL;
        if (!e || (err && !r)) return NULL;
        WfObject *b = wf_str_encode(src, e, r);
        if (!b) return NULL;
        char *buf = wf_mem_malloc((size_t)wf_bytes_size(b) + 1);
        if (buf) {
            memcpy(buf, wf_bytes_data(b), (size_t)wf_bytes_size(b));
            *len = wf_bytes_size(b);
        } else {
            wf_err_no_memory();
        }
        wf_decref(b);
        return buf;
    }
    if (enc || err) {
        wf_err_set_string(&wf_exc_TypeError, enc ? "encoding without a string argument" : "errors without a string argument");
        return NULL;
    }
    if (allow_dunder_bytes && !wf_bytes_check(src)) {
        int found = 0;
        WfObject *b = wf_object_call_special(src, WF_ID(__bytes__), NULL, 0, &found);
        if (found) {
            if (!b) return NULL;
            if (!wf_bytes_check(b)) {
                wf_err_format(&wf_exc_TypeError, "__bytes__ returned non-bytes (type %.200s)", WF_TYPE(b)->tp_name);
                wf_decref(b);
                return NULL;
            }
            char *buf = wf_bytes_collect(b, len, name);
            wf_decref(b);
            return buf;
        }
        if (wf_err_occurred()) return NULL;
    }
    return wf_bytes_collect(src, len, name);
}

static WfObject *bytes_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (type == &wf_bytes_type && nargs == 1 && !kwnames && WF_TYPE(args[0]) == &wf_bytes_type)
        return wf_newref(args[0]);
    wf_ssize len;
    char *buf = wf_bytes_ctor_args("bytes", args, nargs, kwnames, &len, true);
    if (!buf) return NULL;
    WfObject *r;
    if (type == &wf_bytes_type) {
        r = wf_bytes_from_data(buf, len);
    } else {
        r = bytes_alloc(type, len);
        if (r) memcpy(wf_bytes_data(r), buf, (size_t)len);
    }
    wf_mem_free(buf);
    return r;
}

// ---------------------------------------------------------------------------
// Slots

static void bytes_dealloc(WfObject *o) {
    WfTypeObject *t = o->ob_type;
    if (t->tp_free) t->tp_free(o);
    else wf_object_free(o);
}

static intptr_t bytes_hash_slot(WfObject *o) { return wf_bytes_hash(o); }

// Rich comparison of two bytes-like objects (bytes and bytearray compare
// with each other); NotImplemented for anything else.
WfObject *wf_bytes_richcompare_data(WfObject *a, WfObject *b, int op) {
    const char *da, *db;
    wf_ssize la, lb;
    if (!(wf_bytes_check(a) || wf_bytearray_check(a)) || !(wf_bytes_check(b) || wf_bytearray_check(b)))
        return wf_newref(wf_NotImplemented);
    if (wf_bytes_like_get(a, &da, &la) < 0 || wf_bytes_like_get(b, &db, &lb) < 0) return NULL;
    if ((op == WF_EQ || op == WF_NE) && la != lb) return wf_bool_from(op == WF_NE);
    wf_ssize n = la < lb ? la : lb;
    int c = memcmp(da, db, (size_t)n);
    if (c == 0) c = la < lb ? -1 : la > lb ? 1 : 0;
    bool r;
    switch (op) {
    case WF_LT: r = c < 0; break;
    case WF_LE: r = c <= 0; break;
    case WF_EQ: r = c == 0; break;
    case WF_NE: r = c != 0; break;
    case WF_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return wf_bool_from(r);
}

static wf_ssize bytes_len(WfObject *o) { return wf_bytes_size(o); }

// `item in container` for bytes and bytearray: item is an int (a byte) or
// bytes-like. The item is converted (which may run __index__) before the
// container's storage is looked at. 1/0/-1.
int wf_bytes_contains(WfObject *container, WfObject *item) {
    const char *data, *nd;
    wf_ssize len, nl;
    if (wf_is_smallint(item) || wf_index_check(item)) {
        wf_ssize v = wf_is_smallint(item) ? wf_smallint_value(item) : wf_number_as_ssize(item, NULL);
        if (v == -1 && wf_err_occurred()) return -1;
        if (v < 0 || v > 255) {
            wf_err_set_string(&wf_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        wf_bytes_like_get(container, &data, &len);
        return len > 0 && memchr(data, (int)v, (size_t)len) != NULL;
    }
    if (wf_bytes_like_get(item, &nd, &nl) < 0) return -1;
    wf_bytes_like_get(container, &data, &len);
    return wf_bytes_search_find(data, 0, len, nd, nl, 1) >= 0;
}

static int bytes_contains(WfObject *o, WfObject *item) { return wf_bytes_contains(o, item); }

static WfObject *bytes_getitem(WfObject *o, WfObject *key) {
    wf_ssize len = wf_bytes_size(o);
    const unsigned char *d = (const unsigned char *)wf_bytes_data(o);
    if (wf_is_smallint(key) || wf_index_check(key)) {
        wf_ssize i = wf_is_smallint(key) ? wf_smallint_value(key) : wf_number_as_ssize(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return NULL;
        if (i < 0) i += len;
        if (i < 0 || i >= len) {
            wf_err_set_string(&wf_exc_IndexError, "index out of range");
            return NULL;
        }
        return wf_smallint_new(d[i]);
    }
    if (wf_slice_check(key)) {
        wf_ssize start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        wf_ssize n = wf_slice_adjust_indices(len, &start, &stop, step);
        if (n <= 0) return wf_bytes_from_data(NULL, 0);
        if (step == 1) {
            if (n == len && WF_TYPE(o) == &wf_bytes_type) return wf_newref(o);
            return wf_bytes_from_data((const char *)d + start, n);
        }
        WfObject *r = wf_bytes_from_data(NULL, n);
        if (!r) return NULL;
        char *out = wf_bytes_data(r);
        for (wf_ssize i = 0, cur = start; i < n; i++, cur += step) out[i] = (char)d[cur];
        return r;
    }
    return wf_err_format(&wf_exc_TypeError, "byte indices must be integers or slices, not %.200s", WF_TYPE(key)->tp_name);
}

WfObject *wf_bytes_concat(WfObject *a, WfObject *b) {
    const char *da, *db;
    wf_ssize la, lb;
    if (wf_bytes_like_get(a, &da, &la) < 0) return NULL;
    if (!(wf_bytes_check(b) || wf_bytearray_check(b)))
        return wf_err_format(&wf_exc_TypeError, "can't concat %.100s to %.100s", WF_TYPE(b)->tp_name, WF_TYPE(a)->tp_name);
    if (wf_bytes_like_get(b, &db, &lb) < 0) return NULL;
    if (lb == 0 && WF_TYPE(a) == &wf_bytes_type) return wf_newref(a);
    if (la == 0 && WF_TYPE(b) == &wf_bytes_type) return wf_newref(b);
    if (la > PTRDIFF_MAX - lb - 64) return wf_err_no_memory();
    WfObject *r = wf_bytes_from_data(NULL, la + lb);
    if (!r) return NULL;
    memcpy(wf_bytes_data(r), da, (size_t)la);
    memcpy(wf_bytes_data(r) + la, db, (size_t)lb);
    return r;
}

static bool heap_type_defines(WfObject *o, WfObject *name) {
    WfTypeObject *t = WF_TYPE(o);
    return (t->tp_flags & WF_TPFLAGS_HEAPTYPE) && wf_type_lookup(t, name) != NULL;
}

static WfObject *bytes_add(WfObject *a, WfObject *b) {
    if (!wf_bytes_check(a)) return wf_newref(wf_NotImplemented);
    if (!wf_bytes_check(b) && !wf_bytearray_check(b) && heap_type_defines(b, WF_ID(__radd__)))
        return wf_newref(wf_NotImplemented);
    return wf_bytes_concat(a, b);
}

// Repetition count for seq * n, or -1 (error set) / -2 (n not an index).
wf_ssize wf_bytes_repeat_count(WfObject *n) {
    if (wf_is_smallint(n)) return wf_smallint_value(n) < 0 ? 0 : wf_smallint_value(n);
    if (!wf_index_check(n)) return -2;
    wf_ssize c = wf_number_as_ssize(n, &wf_exc_OverflowError);
    if (c == -1 && wf_err_occurred()) return -1;
    return c < 0 ? 0 : c;
}

char *wf_bytes_repeat_data(const char *d, wf_ssize len, wf_ssize count, wf_ssize *outlen) {
    if (len && count > (PTRDIFF_MAX - 64) / len) {
        wf_err_no_memory();
        return NULL;
    }
    wf_ssize total = len * count;
    char *buf = wf_mem_malloc((size_t)total + 1);
    if (!buf) {
        wf_err_no_memory();
        return NULL;
    }
    if (len == 1) memset(buf, d[0], (size_t)total);
    else for (wf_ssize i = 0; i < count; i++) memcpy(buf + i * len, d, (size_t)len);
    *outlen = total;
    return buf;
}

static WfObject *bytes_multiply(WfObject *a, WfObject *b) {
    WfObject *seq = a, *n = b;
    if (!wf_bytes_check(a)) {
        seq = b;
        n = a;
    } else if (!wf_is_smallint(b) && !wf_index_check(b) && heap_type_defines(b, WF_ID(__rmul__))) {
        return wf_newref(wf_NotImplemented);
    }
    wf_ssize count = wf_bytes_repeat_count(n);
    if (count == -1) return NULL;
    if (count == -2)
        return wf_err_format(&wf_exc_TypeError, "can't multiply sequence by non-int of type '%.200s'", WF_TYPE(n)->tp_name);
    if (count == 1 && WF_TYPE(seq) == &wf_bytes_type) return wf_newref(seq);
    wf_ssize outlen;
    char *buf = wf_bytes_repeat_data(wf_bytes_data(seq), wf_bytes_size(seq), count, &outlen);
    if (!buf) return NULL;
    WfObject *r = wf_bytes_from_data(buf, outlen);
    wf_mem_free(buf);
    return r;
}

static WfObject *bytes_remainder(WfObject *a, WfObject *b) {
    if (!wf_bytes_check(a)) return wf_newref(wf_NotImplemented);
    return wf_bytes_percent_format(a, b);
}

static WfNumberMethods bytes_as_number = {
    .nb_add = bytes_add,
    .nb_multiply = bytes_multiply,
    .nb_remainder = bytes_remainder,
};

// ---------------------------------------------------------------------------
// Iterator: the position advances by CAS so a shared iterator never hands
// out the same byte twice; the bytes are immutable.

typedef struct {
    WfObject ob_base;
    WfObject *seq;
    _Atomic(wf_ssize) index;
} WfBytesIterObject;

static WfObject *bytes_iter(WfObject *o) {
    WfBytesIterObject *it = (WfBytesIterObject *)wf_object_alloc(&wf_bytes_iterator_type);
    if (!it) return wf_err_occurred() ? NULL : wf_err_no_memory();
    it->seq = wf_newref(o);
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    return (WfObject *)it;
}

static WfObject *bytes_iter_next(WfObject *o) {
    WfBytesIterObject *it = (WfBytesIterObject *)o;
    wf_ssize len = wf_bytes_size(it->seq);
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);  // guards no other data
    do {
        if (i >= len) return NULL;
    } while (!atomic_compare_exchange_weak_explicit(&it->index, &i, i + 1, memory_order_relaxed, memory_order_relaxed));
    return wf_smallint_new((unsigned char)wf_bytes_data(it->seq)[i]);
}

static void bytes_iter_dealloc(WfObject *o) {
    wf_decref(((WfBytesIterObject *)o)->seq);
    wf_object_free(o);
}

static WfObject *iter_self(WfObject *o) { return wf_newref(o); }

static WfObject *bytes_iter_length_hint(WfObject *o, WfObject *unused) {
    WfBytesIterObject *it = (WfBytesIterObject *)o;
    wf_ssize left = wf_bytes_size(it->seq) - atomic_load_explicit(&it->index, memory_order_relaxed);
    return wf_int_from_ssize(left < 0 ? 0 : left);
}

static const WfMethodDef bytes_iter_methods[] = {
    WF_METHOD("__length_hint__", bytes_iter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_bytes_iterator_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(WfBytesIterObject),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = bytes_iter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = bytes_iter_next,
    .tp_methods = bytes_iter_methods,
};

WfTypeObject wf_bytes_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "bytes",
    .tp_basicsize = sizeof(WfBytesObject),
    .tp_itemsize = 1,
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_BYTES_SUBCLASS,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\n"
              "bytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object\n\n"
              "Construct an immutable array of bytes from:\n"
              "  - an iterable yielding integers in range(256)\n"
              "  - a text string encoded using the specified encoding\n"
              "  - any object implementing the buffer API.\n"
              "  - an integer",
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_str = bytes_repr,
    .tp_hash = bytes_hash_slot,
    .tp_richcompare = wf_bytes_richcompare_data,
    .tp_iter = bytes_iter,
    .tp_new = bytes_new,
    .tp_as_number = &bytes_as_number,
    .tp_len = bytes_len,
    .tp_getitem = bytes_getitem,
    .tp_contains = bytes_contains,
    .tp_methods = wf_bytes_methods,
};

int wf_bytes_init(void) {
    if (wf_type_ready(&wf_bytes_type) < 0) return -1;
    if (wf_type_ready(&wf_bytes_iterator_type) < 0) return -1;
    if (wf_type_ready(&wf_bytearray_type) < 0) return -1;
    if (wf_type_ready(&wf_bytearray_iterator_type) < 0) return -1;
    return 0;
}
