// str.c — str core: PEP 393 storage, construction, the UTF-8 cache, hashing,
// comparison, the sequence slots (len, index, slice, concat, repeat, in,
// iteration), the constructor, and the strings area's start-up.
//
// Invariants (see str.h):
// - Code points are stored inline after the header (WfStrObject for ASCII
//   text, WfStrWideObject otherwise) in the narrowest kind (1/2/4 bytes) that
//   holds the largest one, NUL-terminated; `ascii` is set iff all are < 128.
//   Every constructor here computes the exact maximum (or a bound of the same
//   kind and asciiness) before choosing the kind.
// - A str is immutable once another reference to it can exist; only the
//   caches change: `hash` (relaxed atomic: every writer stores the same
//   value) and `utf8` (published once by compare-and-swap with release
//   order, read with acquire). wf_str_concat_inplace changes a string only
//   while its caller's reference is its only one (str_resizable).
// - '' and the 256 one-character Latin-1 strings are static immortal objects.
#include "objects/str.h"

#include <limits.h>

#include "objects/arg.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"

// ---------------------------------------------------------------------------
// Static strings: '' and chr(0)..chr(255).

typedef struct {
    WfStrObject s;
    uint8_t data[8];
} WfStrStaticAscii;

typedef struct {
    WfStrWideObject s;
    uint8_t data[8];
} WfStrStaticLatin1;

#define STATIC_ASCII(n)                                                                                    \
    { .s = { .ob_base = WF_STATIC_HEAD(&wf_str_type), .length = 1, .hash = -1, .kind = 1, .ascii = 1,       \
             .interned = 1 },                                                                               \
      .data = { (n), 0 } },
#define STATIC_ASCII4(n) STATIC_ASCII(n) STATIC_ASCII(n + 1) STATIC_ASCII(n + 2) STATIC_ASCII(n + 3)
#define STATIC_ASCII16(n) STATIC_ASCII4(n) STATIC_ASCII4(n + 4) STATIC_ASCII4(n + 8) STATIC_ASCII4(n + 12)
#define STATIC_ASCII64(n) STATIC_ASCII16(n) STATIC_ASCII16(n + 16) STATIC_ASCII16(n + 32) STATIC_ASCII16(n + 48)
#define STATIC_LATIN1(n)                                                                                   \
    { .s = { .base = { .ob_base = WF_STATIC_HEAD(&wf_str_type), .length = 1, .hash = -1, .kind = 1,        \
                       .ascii = 0, .interned = 1 },                                                         \
             .utf8 = NULL, .utf8_length = 0 },                                                              \
      .data = { (n), 0 } },
#define STATIC_LATIN1_4(n) STATIC_LATIN1(n) STATIC_LATIN1(n + 1) STATIC_LATIN1(n + 2) STATIC_LATIN1(n + 3)
#define STATIC_LATIN1_16(n) STATIC_LATIN1_4(n) STATIC_LATIN1_4(n + 4) STATIC_LATIN1_4(n + 8) STATIC_LATIN1_4(n + 12)
#define STATIC_LATIN1_64(n) STATIC_LATIN1_16(n) STATIC_LATIN1_16(n + 16) STATIC_LATIN1_16(n + 32) STATIC_LATIN1_16(n + 48)

static WfStrStaticAscii ascii_chars[128] = { STATIC_ASCII64(0) STATIC_ASCII64(64) };
static WfStrStaticLatin1 latin1_chars[128] = { STATIC_LATIN1_64(128) STATIC_LATIN1_64(192) };

static WfStrStaticAscii empty_str = {
    .s = { .ob_base = WF_STATIC_HEAD(&wf_str_type), .length = 0, .hash = 0, .kind = 1, .ascii = 1, .interned = 1 },
    .data = { 0 },
};

WfObject *wf_str_empty(void) { return (WfObject *)&empty_str; }

WfObject *wf_str_from_char(uint32_t cp) {
    if (cp < 128) return (WfObject *)&ascii_chars[cp];
    if (cp < 256) return (WfObject *)&latin1_chars[cp - 128];
    if (cp > 0x10ffff) {
        wf_err_set_string(&wf_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    WfObject *s = wf_str_new_raw(1, cp);
    if (!s) return NULL;
    wf_str_write(wf_str_kind(s), wf_str_data(s), 0, cp);
    return s;
}

// ---------------------------------------------------------------------------
// Allocation

// The str fields of a block whose header is initialized: length, kind,
// asciiness, empty caches, and the NUL terminator (the data itself is the
// caller's to write). `maxchar` may be a bound of the same kind and asciiness.
static inline __attribute__((always_inline)) void init_fields(WfObject *o, wf_ssize length, uint32_t maxchar) {
    WfStrObject *s = wf_str_obj(o);
    int kind = wf_str_kind_for(maxchar);
    s->length = length;
    atomic_store_explicit(&s->hash, -1, memory_order_relaxed);
    s->kind = (uint8_t)kind;
    s->ascii = maxchar < 128;
    s->interned = 0;
    if (!s->ascii) {  // nothing published yet (ASCII text is its own UTF-8)
        atomic_store_explicit(&wf_str_wide(o)->utf8, NULL, memory_order_relaxed);
        wf_str_wide(o)->utf8_length = 0;
    }
    wf_str_write(kind, wf_str_data(o), length, 0);
}

void wf_str_init_fields(WfObject *o, wf_ssize length, uint32_t maxchar) { init_fields(o, length, maxchar); }

static WfObject *str_alloc(WfTypeObject *type, wf_ssize length, uint32_t maxchar) {
    int kind = wf_str_kind_for(maxchar);
    if (length < 0) return wf_err_bad_internal_call("wf_str_new_raw");
    if (length > (PTRDIFF_MAX - (wf_ssize)sizeof(WfStrWideObject) - 16) / kind - 1) return wf_err_no_memory();
    bool ascii = maxchar < 128;
    WfObject *o;
    if (type == &wf_str_type) {
        // Exact str: a plain block, not zeroed (every header field is written
        // here or by wf_object_init_header, and the caller writes all
        // `length` code points). No pre-header: str has no __dict__.
        o = wf_mem_malloc(wf_str_block_size(length, kind, ascii));
        if (!o) return wf_err_no_memory();
        wf_object_init_header(o, type);
    } else {
        // Subclass instances (tp_basicsize is the ASCII header) carry their
        // __dict__ in the pre-header.
        o = wf_object_alloc_var(type, (wf_ssize)(wf_str_header_size(ascii) - sizeof(WfStrObject)) + (length + 1) * kind);
        if (!o) return wf_err_occurred() ? NULL : wf_err_no_memory();
    }
    init_fields(o, length, maxchar);
    return o;
}

WfObject *wf_str_new_raw(wf_ssize length, uint32_t maxchar) {
    if (length == 0) return wf_str_empty();
    return str_alloc(&wf_str_type, length, maxchar);
}

static void str_dealloc(WfObject *o) {
    if (!wf_str_obj(o)->ascii) {
        char *u = atomic_load_explicit(&wf_str_wide(o)->utf8, memory_order_relaxed);  // last reference: no race
        if (u) wf_mem_free(u);
    }
    WfTypeObject *t = o->ob_type;
    if (t->tp_free) t->tp_free(o);
    else wf_object_free(o);
}

// ---------------------------------------------------------------------------
// Construction

uint32_t wf_str_max_char(int kind, const void *data, wf_ssize len) {
    uint32_t mx = 0;
    if (kind == 1) {
        const uint8_t *p = data;
        for (wf_ssize i = 0; i < len; i++) mx |= p[i];
        return mx >= 128 ? 0xff : mx;
    }
    if (kind == 2) {
        const uint16_t *p = data;
        for (wf_ssize i = 0; i < len; i++) if (p[i] > mx) mx = p[i];
        return mx;
    }
    const uint32_t *p = data;
    for (wf_ssize i = 0; i < len; i++) if (p[i] > mx) mx = p[i];
    return mx;
}

WfObject *wf_str_from_kind_data(int kind, const void *data, wf_ssize len) {
    if (len == 0) return wf_str_empty();
    uint32_t mx = wf_str_max_char(kind, data, len);
    if (len == 1 && mx < 256) return wf_str_from_char(wf_str_read(kind, data, 0));
    if (mx > 0x10ffff) return wf_err_bad_internal_call("wf_str_from_kind_data: code point out of range");
    WfObject *s = wf_str_new_raw(len, mx);
    if (!s) return NULL;
    wf_str_copy_convert(wf_str_kind(s), wf_str_data(s), kind, data, len);
    return s;
}

WfObject *wf_str_from_ucs4(const uint32_t *cp, wf_ssize len) { return wf_str_from_kind_data(4, cp, len); }

WfObject *wf_str_from_ucs4_maxchar(const uint32_t *data, wf_ssize len, uint32_t maxchar) {
    if (len == 0) return wf_str_empty();
    if (len == 1 && maxchar < 256) return wf_str_from_char(data[0]);
    if (maxchar > 0x10ffff) return wf_err_bad_internal_call("wf_str_from_ucs4_maxchar: code point out of range");
    WfObject *s = wf_str_new_raw(len, maxchar);
    if (!s) return NULL;
    wf_str_copy_convert(wf_str_kind(s), wf_str_data(s), 4, data, len);
    return s;
}

WfObject *wf_str_from_latin1(const char *s, wf_ssize len) { return wf_str_from_kind_data(1, s, len); }

WfObject *wf_str_from_ascii(const char *s, wf_ssize len) {
    if (len <= 1) return len == 1 ? (WfObject *)&ascii_chars[(uint8_t)s[0] & 0x7f] : wf_str_empty();
    WfObject *r = str_alloc(&wf_str_type, len, 0x7f);
    if (r) wf_str_copy_convert(1, wf_str_data(r), 1, s, len);
    return r;
}

WfObject *wf_str_from_utf8(const char *s, wf_ssize len) {
    wf_ssize i = 0;
    while (i < len && (uint8_t)s[i] < 128) i++;
    if (i == len) return wf_str_from_ascii(s, len);
    return wf_codecs_utf8_decode(s, len, "strict", NULL);
}

WfObject *wf_str_from_utf8_surrogateescape(const char *s, wf_ssize len) {
    return wf_codecs_utf8_decode(s, len, "surrogateescape", NULL);
}

WfObject *wf_str_from_cstr(const char *s) { return wf_str_from_utf8(s, (wf_ssize)strlen(s)); }

WfObject *wf_str_substring(WfObject *s, wf_ssize start, wf_ssize end) {
    wf_ssize len = wf_str_length(s);
    if (start < 0) start = 0;
    if (end > len) end = len;
    if (start >= end) return wf_str_empty();
    if (start == 0 && end == len && wf_str_check_exact(s)) return wf_newref(s);
    int kind = wf_str_kind(s);
    const char *p = (const char *)wf_str_data(s) + start * kind;
    if (wf_str_obj(s)->ascii) return wf_str_from_ascii(p, end - start);
    return wf_str_from_kind_data(kind, p, end - start);
}

WfObject *wf_str_exact_copy(WfObject *s) {
    if (wf_str_check_exact(s)) return wf_newref(s);
    return wf_str_from_kind_data(wf_str_kind(s), wf_str_data(s), wf_str_length(s));
}

uint32_t *wf_str_as_ucs4_copy(WfObject *s) {
    wf_ssize n = wf_str_length(s);
    uint32_t *buf = wf_mem_malloc((size_t)(n + 1) * sizeof(uint32_t));
    if (!buf) {
        wf_err_no_memory();
        return NULL;
    }
    wf_str_copy_convert(4, buf, wf_str_kind(s), wf_str_data(s), n);
    buf[n] = 0;
    return buf;
}

WfObject *wf_str_concat(WfObject *a, WfObject *b) {
    if (!wf_str_check(b)) {
        return wf_err_format(&wf_exc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                             WF_TYPE(b)->tp_name);
    }
    wf_ssize la = wf_str_length(a), lb = wf_str_length(b);
    if (lb == 0 && wf_str_check_exact(a)) return wf_newref(a);
    if (la == 0 && wf_str_check_exact(b)) return wf_newref(b);
    if (la > PTRDIFF_MAX / 4 - lb) {
        wf_err_set_string(&wf_exc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    uint32_t ma = wf_str_max_char_bound(a), mb = wf_str_max_char_bound(b);
    WfObject *r = wf_str_new_raw(la + lb, ma > mb ? ma : mb);
    if (!r) return NULL;
    int kind = wf_str_kind(r);
    wf_str_copy_convert(kind, wf_str_data(r), wf_str_kind(a), wf_str_data(a), la);
    wf_str_copy_convert(kind, (char *)wf_str_data(r) + la * kind, wf_str_kind(b), wf_str_data(b), lb);
    return r;
}

// Whether `s` can be changed in place: an exact, non-interned, mortal str
// whose only reference is the caller's: owned by this thread with local
// count 1, no shared references, queued merges or deferred/shared GC state,
// and not locked. No other thread can reach such an object (it lives only in
// the caller's slot), so nothing can observe the change or its hash.
static bool str_resizable(WfObject *s) {
    return wf_str_check_exact(s) && !wf_str_obj(s)->interned && wf_tid_load(s) == wf_current_tid &&
           wf_ref_local_load(s) == 1 && atomic_load_explicit(&s->ob_ref_shared, memory_order_relaxed) == 0 &&
           __atomic_load_n(&s->ob_gc_bits, __ATOMIC_RELAXED) == 0 && __atomic_load_n(&s->ob_mutex, __ATOMIC_RELAXED) == 0;
}

int wf_str_concat_inplace(WfObject **left_slot, WfObject *right) {
    WfObject *left = *left_slot;
    if (!wf_str_check(right)) {
        wf_err_format(&wf_exc_TypeError, "can only concatenate str (not \"%.200s\") to str", WF_TYPE(right)->tp_name);
        return -1;
    }
    wf_ssize la = wf_str_length(left), lb = wf_str_length(right);
    int kind = wf_str_kind(left);
    if (lb == 0 && wf_str_check_exact(left)) return 0;
    bool ascii = wf_str_obj(left)->ascii;
    // In place only when the layout stays: same kind, and ASCII stays ASCII
    // (non-ASCII text has the larger header); never for s += s (the block
    // may move while right is read).
    if (la == 0 || right == left || wf_str_kind(right) > kind || (ascii && !wf_str_obj(right)->ascii) ||
        !str_resizable(left)) {
        WfObject *r = wf_str_concat(left, right);
        if (!r) return -1;
        *left_slot = r;
        wf_decref(left);
        return 0;
    }
    if (la > PTRDIFF_MAX / 4 - lb) {
        wf_err_set_string(&wf_exc_OverflowError, "strings are too large to concat");
        return -1;
    }
    uint32_t ma = wf_str_max_char_bound(left), mb = wf_str_max_char_bound(right);
    size_t need = wf_str_block_size(la + lb, kind, ascii);
    // A UTF-8 copy (non-ASCII text) goes stale: drop it.
    char *u = ascii ? NULL : atomic_load_explicit(&wf_str_wide(left)->utf8, memory_order_relaxed);
    if (need > wf_mem_usable_size(left)) {
        // Grow by an eighth more than needed so a loop of += copies O(n) in
        // total whatever the allocator's size classes.
        WfObject *grown = wf_mem_realloc(left, need + need / 8);
        if (!grown) {
            wf_err_no_memory();
            return -1;  // realloc failed: left untouched
        }
        left = grown;
    }
    if (u) wf_mem_free(u);
    wf_str_copy_convert(kind, (char *)wf_str_data(left) + la * kind, wf_str_kind(right), wf_str_data(right), lb);
    init_fields(left, la + lb, ma > mb ? ma : mb);  // also resets the cached hash
    *left_slot = left;
    return 0;
}

WfObject *wf_str_repeat(WfObject *s, wf_ssize n) {
    wf_ssize len = wf_str_length(s);
    if (n <= 0 || len == 0) return wf_str_empty();
    if (n == 1) return wf_str_exact_copy(s);
    if (len > PTRDIFF_MAX / 4 / n) {
        wf_err_set_string(&wf_exc_OverflowError, "repeated string is too long");
        return NULL;
    }
    WfObject *r = wf_str_new_raw(len * n, wf_str_max_char_bound(s));
    if (!r) return NULL;
    int kind = wf_str_kind(s);
    size_t unit = (size_t)(len * kind), total = unit * (size_t)n;
    char *dst = wf_str_data(r);
    if (unit == 1) {
        memset(dst, *(const char *)wf_str_data(s), total);
    } else {
        memcpy(dst, wf_str_data(s), unit);
        size_t done = unit;
        while (done < total) {
            size_t chunk = done < total - done ? done : total - done;
            memcpy(dst + done, dst, chunk);
            done += chunk;
        }
    }
    return r;
}

// sep.join(items[0..n)): no Python code runs here (items must be str).
static WfObject *join_items(WfObject *sep, WfObject *const *items, wf_ssize n) {
    if (n == 0) return wf_str_empty();
    if (n == 1 && wf_str_check_exact(items[0])) return wf_newref(items[0]);
    wf_ssize seplen = wf_str_length(sep), total = 0;
    uint32_t mx = seplen ? wf_str_max_char_bound(sep) : 0;
    for (wf_ssize i = 0; i < n; i++) {
        if (!wf_str_check(items[i])) {
            return wf_err_format(&wf_exc_TypeError, "sequence item %zd: expected str instance, %.80s found", i,
                                 WF_TYPE(items[i])->tp_name);
        }
        wf_ssize l = wf_str_length(items[i]);
        if (total > PTRDIFF_MAX / 4 - l - seplen) {
            wf_err_set_string(&wf_exc_OverflowError, "join() result is too long for a Python string");
            return NULL;
        }
        total += l + (i ? seplen : 0);
        if (l) {
            uint32_t m = wf_str_max_char_bound(items[i]);
            if (m > mx) mx = m;
        }
    }
    WfObject *r = wf_str_new_raw(total, mx);
    if (!r) return NULL;
    int kind = wf_str_kind(r);
    char *dst = wf_str_data(r);
    for (wf_ssize i = 0; i < n; i++) {
        if (i && seplen) {
            wf_str_copy_convert(kind, dst, wf_str_kind(sep), wf_str_data(sep), seplen);
            dst += seplen * kind;
        }
        wf_ssize l = wf_str_length(items[i]);
        wf_str_copy_convert(kind, dst, wf_str_kind(items[i]), wf_str_data(items[i]), l);
        dst += l * kind;
    }
    return r;
}

WfObject *wf_str_join(WfObject *sep, WfObject *iterable) {
    if (wf_tuple_check_exact(iterable)) return join_items(sep, wf_tuple_items(iterable), wf_tuple_size(iterable));
    if (wf_list_check_exact(iterable)) {
        // Joined inside the list's critical section (join_items runs no
        // Python code), so the items cannot change or die meanwhile.
        WfObject *r;
        WF_BEGIN_CRITICAL_SECTION(iterable);
        r = join_items(sep, ((WfListObject *)iterable)->ob_item, wf_list_size(iterable));
        WF_END_CRITICAL_SECTION();
        return r;
    }
    // PySequence_Fast(iterable, "can only join an iterable")
    WfObject *it = wf_object_get_iter(iterable);
    if (!it) {
        if (wf_err_matches(&wf_exc_TypeError)) wf_err_set_string(&wf_exc_TypeError, "can only join an iterable");
        return NULL;
    }
    WfObject *seq = wf_tuple_from_iterable(it);
    wf_decref(it);
    if (!seq) return NULL;
    WfObject *r = join_items(sep, wf_tuple_items(seq), wf_tuple_size(seq));
    wf_decref(seq);
    return r;
}

// ---------------------------------------------------------------------------
// Access

const char *wf_str_as_utf8(WfObject *s, wf_ssize *len) {
    if (wf_str_obj(s)->ascii) {  // its own UTF-8
        if (len) *len = wf_str_length(s);
        return wf_str_data(s);
    }
    WfStrWideObject *o = wf_str_wide(s);
    // Acquire pairs with the release CAS below: the bytes and utf8_length
    // written before publication are visible once the pointer is.
    char *u = atomic_load_explicit(&o->utf8, memory_order_acquire);
    if (u) {
        if (len) *len = __atomic_load_n(&o->utf8_length, __ATOMIC_RELAXED);
        return u;
    }
    wf_ssize n;
    char *buf = wf_codecs_utf8_encode_raw(s, &n);
    if (!buf) return NULL;
    // Every racing writer stores the same length; relaxed atomics keep the
    // duplicate stores race-free and the CAS (release) publishes them.
    __atomic_store_n(&o->utf8_length, n, __ATOMIC_RELAXED);
    char *expected = NULL;
    if (!atomic_compare_exchange_strong_explicit(&o->utf8, &expected, buf, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        wf_mem_free(buf);  // another thread published first; use its copy
        buf = expected;
    }
    if (len) *len = n;
    return buf;
}

const char *wf_str_as_utf8_borrow(WfObject *s) { return wf_str_as_utf8(s, NULL); }

intptr_t wf_str_hash(WfObject *s) {
    WfStrObject *o = wf_str_obj(s);
    intptr_t h = atomic_load_explicit(&o->hash, memory_order_relaxed);
    if (h != -1) return h;
    h = wf_hash_bytes(wf_str_data(s), o->length * o->kind);
    // Relaxed: the value is a pure function of the immutable text.
    atomic_store_explicit(&o->hash, h, memory_order_relaxed);
    return h;
}

bool wf_str_equal(WfObject *a, WfObject *b) {
    if (a == b) return true;
    WfStrObject *x = wf_str_obj(a), *y = wf_str_obj(b);
    if (x->length != y->length || x->kind != y->kind) return false;
    intptr_t ha = atomic_load_explicit(&x->hash, memory_order_relaxed);
    intptr_t hb = atomic_load_explicit(&y->hash, memory_order_relaxed);
    if (ha != -1 && hb != -1 && ha != hb) return false;
    return memcmp(wf_str_data(a), wf_str_data(b), (size_t)(x->length * x->kind)) == 0;
}

int wf_str_compare(WfObject *a, WfObject *b) {
    if (a == b) return 0;
    wf_ssize la = wf_str_length(a), lb = wf_str_length(b), n = la < lb ? la : lb;
    int ka = wf_str_kind(a), kb = wf_str_kind(b);
    const void *da = wf_str_data(a), *db = wf_str_data(b);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, (size_t)n);
        if (c) return c < 0 ? -1 : 1;
    } else {
        for (wf_ssize i = 0; i < n; i++) {
            uint32_t x = wf_str_read(ka, da, i), y = wf_str_read(kb, db, i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

bool wf_str_equal_cstr(WfObject *s, const char *ascii) {
    size_t n = strlen(ascii);
    return wf_str_kind(s) == 1 && (size_t)wf_str_length(s) == n && memcmp(wf_str_data(s), ascii, n) == 0;
}

wf_ssize wf_str_find_char(WfObject *s, uint32_t ch, wf_ssize start, wf_ssize end) {
    wf_ssize len = wf_str_length(s);
    if (start < 0) start = 0;
    if (end > len) end = len;
    int kind = wf_str_kind(s);
    const void *d = wf_str_data(s);
    if (kind == 1) {
        if (ch > 255 || start >= end) return -1;
        const char *p = memchr((const char *)d + start, (int)ch, (size_t)(end - start));
        return p ? p - (const char *)d : -1;
    }
    for (wf_ssize i = start; i < end; i++)
        if (wf_str_read(kind, d, i) == ch) return i;
    return -1;
}

// ---------------------------------------------------------------------------
// Slots

static WfObject *str_str(WfObject *s) { return wf_str_exact_copy(s); }

static intptr_t str_hash_slot(WfObject *s) { return wf_str_hash(s); }

static WfObject *str_richcompare(WfObject *a, WfObject *b, int op) {
    if (!wf_str_check(a) || !wf_str_check(b)) return wf_newref(wf_NotImplemented);
    bool r;
    if (op == WF_EQ || op == WF_NE) {
        r = wf_str_equal(a, b) == (op == WF_EQ);
    } else {
        int c = wf_str_compare(a, b);
        switch (op) {
        case WF_LT: r = c < 0; break;
        case WF_LE: r = c <= 0; break;
        case WF_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return wf_bool_from(r);
}

static wf_ssize str_len(WfObject *s) { return wf_str_length(s); }

static int str_contains(WfObject *s, WfObject *sub) {
    if (!wf_str_check(sub)) {
        wf_err_format(&wf_exc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                      WF_TYPE(sub)->tp_name);
        return -1;
    }
    wf_ssize r = wf_str_search_find(s, sub, 0, wf_str_length(s), 1);
    return r == -2 ? -1 : r >= 0;
}

static WfObject *str_getitem(WfObject *s, WfObject *key) {
    wf_ssize len = wf_str_length(s);
    if (wf_is_smallint(key) || wf_index_check(key)) {
        wf_ssize i = wf_is_smallint(key) ? wf_smallint_value(key) : wf_number_as_ssize(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return NULL;
        if (i < 0) i += len;
        if (i < 0 || i >= len) {
            wf_err_set_string(&wf_exc_IndexError, "string index out of range");
            return NULL;
        }
        return wf_str_from_char(wf_str_char_at(s, i));
    }
    if (wf_slice_check(key)) {
        wf_ssize start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        wf_ssize n = wf_slice_adjust_indices(len, &start, &stop, step);
        if (n <= 0) return wf_str_empty();
        if (step == 1) return wf_str_substring(s, start, stop);
        int kind = wf_str_kind(s);
        const void *d = wf_str_data(s);
        if (wf_str_obj(s)->ascii) {
            WfObject *r = wf_str_new_raw(n, 0x7f);
            if (!r) return NULL;
            uint8_t *out = wf_str_data(r);
            for (wf_ssize i = 0, cur = start; i < n; i++, cur += step) out[i] = ((const uint8_t *)d)[cur];
            return r;
        }
        void *buf = wf_mem_malloc((size_t)(n * kind));
        if (!buf) return wf_err_no_memory();
        for (wf_ssize i = 0, cur = start; i < n; i++, cur += step) wf_str_write(kind, buf, i, wf_str_read(kind, d, cur));
        WfObject *r = wf_str_from_kind_data(kind, buf, n);
        wf_mem_free(buf);
        return r;
    }
    return wf_err_format(&wf_exc_TypeError, "string indices must be integers, not '%.200s'", WF_TYPE(key)->tp_name);
}

// Does `o`'s class (a Python class) define `name`? Used to decide whether a
// failed str operation should give the other operand's reflected method a turn.
static bool heap_type_defines(WfObject *o, WfObject *name) {
    WfTypeObject *t = WF_TYPE(o);
    return (t->tp_flags & WF_TPFLAGS_HEAPTYPE) && wf_type_lookup(t, name) != NULL;
}

static WfObject *str_add(WfObject *a, WfObject *b) {
    if (!wf_str_check(a)) return wf_newref(wf_NotImplemented);  // reflected: 1 + 'a'
    if (!wf_str_check(b) && heap_type_defines(b, WF_ID(__radd__))) return wf_newref(wf_NotImplemented);
    return wf_str_concat(a, b);
}

static WfObject *str_multiply(WfObject *a, WfObject *b) {
    WfObject *seq = a, *n = b;
    if (!wf_str_check(a)) {
        seq = b;
        n = a;
    } else if (!wf_is_smallint(b) && !wf_index_check(b) && heap_type_defines(b, WF_ID(__rmul__))) {
        return wf_newref(wf_NotImplemented);
    }
    wf_ssize count;
    if (wf_is_smallint(n)) {
        count = wf_smallint_value(n);
    } else if (wf_index_check(n)) {
        count = wf_number_as_ssize(n, &wf_exc_OverflowError);
        if (count == -1 && wf_err_occurred()) return NULL;
    } else {
        return wf_err_format(&wf_exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                             WF_TYPE(n)->tp_name);
    }
    return wf_str_repeat(seq, count);
}

static WfObject *str_remainder(WfObject *a, WfObject *b) {
    if (!wf_str_check(a)) return wf_newref(wf_NotImplemented);
    return wf_str_percent_format(a, b);
}

static WfNumberMethods str_as_number = {
    .nb_add = str_add,
    .nb_multiply = str_multiply,
    .nb_remainder = str_remainder,
};

// ---------------------------------------------------------------------------
// Iterator. The position advances with a CAS so a shared iterator hands each
// character to exactly one thread; the string is immutable, so reading it
// needs no lock.

typedef struct {
    WfObject ob_base;
    WfObject *str;
    _Atomic(wf_ssize) index;
} WfStrIterObject;

static WfObject *str_iter(WfObject *s) {
    WfStrIterObject *it = (WfStrIterObject *)wf_object_alloc(&wf_str_iterator_type);
    if (!it) return wf_err_occurred() ? NULL : wf_err_no_memory();
    it->str = wf_newref(s);
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    return (WfObject *)it;
}

static WfObject *str_iter_next(WfObject *o) {
    WfStrIterObject *it = (WfStrIterObject *)o;
    wf_ssize len = wf_str_length(it->str);
    // Relaxed is enough: the index guards no other memory (the text is immutable).
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);
    do {
        if (i >= len) return NULL;
    } while (!atomic_compare_exchange_weak_explicit(&it->index, &i, i + 1, memory_order_relaxed,
                                                    memory_order_relaxed));
    return wf_str_from_char(wf_str_char_at(it->str, i));
}

static void str_iter_dealloc(WfObject *o) {
    WfStrIterObject *it = (WfStrIterObject *)o;
    wf_decref(it->str);
    wf_object_free(o);
}

static WfObject *str_iter_self(WfObject *o) { return wf_newref(o); }

static WfObject *str_iter_length_hint(WfObject *o, WfObject *unused) {
    WfStrIterObject *it = (WfStrIterObject *)o;
    wf_ssize left = wf_str_length(it->str) - atomic_load_explicit(&it->index, memory_order_relaxed);
    return wf_int_from_ssize(left < 0 ? 0 : left);
}

static const WfMethodDef str_iter_methods[] = {
    WF_METHOD("__length_hint__", str_iter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_str_iterator_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(WfStrIterObject),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = str_iter_dealloc,
    .tp_iter = str_iter_self,
    .tp_iternext = str_iter_next,
    .tp_methods = str_iter_methods,
};

// ---------------------------------------------------------------------------
// Constructor: str(object='') / str(object=b'', encoding='utf-8', errors='strict')

static WfObject *str_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (type == &wf_str_type && nargs == 1 && !kwnames) return wf_object_str(args[0]);  // str(x)
    static const WfArgParser parser = {"str", "|OOO", {"object", "encoding", "errors", NULL}};
    WfObject *obj = NULL, *encoding = NULL, *errors = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &obj, &encoding, &errors) < 0) return NULL;
    WfObject *r;
    if (encoding == NULL && errors == NULL) {
        r = obj ? wf_object_str(obj) : wf_str_empty();
    } else {
        const char *enc = NULL, *err = NULL;
        if (encoding) {
            if (!wf_str_check(encoding))
                return wf_err_format(&wf_exc_TypeError, "str() argument 'encoding' must be str, not %T", encoding);
            if (!(enc = wf_str_as_utf8_borrow(encoding))) return NULL;
        }
        if (errors) {
            if (!wf_str_check(errors))
                return wf_err_format(&wf_exc_TypeError, "str() argument 'errors' must be str, not %T", errors);
            if (!(err = wf_str_as_utf8_borrow(errors))) return NULL;
        }
        if (obj == NULL) {
            r = wf_str_empty();
        } else if (wf_str_check(obj)) {
            wf_err_set_string(&wf_exc_TypeError, "decoding str is not supported");
            return NULL;
        } else {
            const char *data;
            wf_ssize len;
            if (wf_bytes_like_get(obj, &data, &len) < 0) {
                wf_err_clear();
                return wf_err_format(&wf_exc_TypeError, "decoding to str: need a bytes-like object, %T found", obj);
            }
            r = wf_str_decode(data, len, enc, err);
        }
    }
    if (!r || type == &wf_str_type) return r;
    // A subclass instance: same text, inline in an instance of `type`.
    wf_ssize len = wf_str_length(r);
    WfObject *sub = str_alloc(type, len, wf_str_max_char_bound(r));
    if (sub) memcpy(wf_str_data(sub), wf_str_data(r), (size_t)(len * wf_str_kind(r)));
    wf_decref(r);
    return sub;
}

WfTypeObject wf_str_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "str",
    .tp_basicsize = sizeof(WfStrObject),
    .tp_itemsize = 1,
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_STR_SUBCLASS,
    .tp_doc = "str(object='') -> str\n"
              "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If encoding or\n"
              "errors is specified, then the object must expose a data buffer\n"
              "that will be decoded using the given encoding and error handler.\n"
              "Otherwise, returns the result of object.__str__() (if defined)\n"
              "or repr(object).\n"
              "encoding defaults to sys.getdefaultencoding().\n"
              "errors defaults to 'strict'.",
    .tp_dealloc = str_dealloc,
    .tp_repr = wf_str_repr,
    .tp_str = str_str,
    .tp_hash = str_hash_slot,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_new = str_new,
    .tp_as_number = &str_as_number,
    .tp_len = str_len,
    .tp_getitem = str_getitem,
    .tp_contains = str_contains,
    .tp_methods = wf_str_methods,
};

// ---------------------------------------------------------------------------
// Start-up

int wf_str_init(void) {
    if (wf_type_ready(&wf_str_type) < 0) return -1;
    if (wf_type_ready(&wf_str_iterator_type) < 0) return -1;
    return 0;
}

int wf_strings_init(void) {
    if (wf_str_init() < 0) return -1;
    if (wf_bytes_init() < 0) return -1;
    if (wf_identifiers_init() < 0) return -1;
    return 0;
}
