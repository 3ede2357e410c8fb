// str.h — str: immutable Unicode text in CPython's PEP 393 layout.
//
// Invariants:
// - The code points live inline after the header, `kind` bytes each (1: Latin-1,
//   2: UCS-2, 4: UCS-4), always in the narrowest kind that fits the largest code
//   point, followed by a NUL code unit. `length` counts code points.
// - `ascii` is 1 iff every code point < 128; then the data is also its UTF-8.
// - `hash` is -1 until computed (SipHash-1-3 over the kind-wide data, as CPython);
//   it is written with a relaxed atomic store (the value is deterministic, so a
//   race writes the same number twice).
// - Two header sizes (CPython's ASCII / compact layouts): an ASCII string is a
//   WfStrObject (56 bytes) followed by its characters, which are also its
//   UTF-8; any other string is a WfStrWideObject (72 bytes: + the UTF-8
//   cache) followed by its code points. `ascii` decides which (wf_str_data).
// - `utf8` (non-ASCII only) is NULL or a wf_mem_malloc'd UTF-8 copy,
//   published once with a compare-and-swap.
// - Interned strings are immortal.
#ifndef WF_STR_H
#define WF_STR_H

#include <stdarg.h>

#include "objects/object.h"

typedef struct {
    WfObject ob_base;
    wf_ssize length;
    _Atomic(intptr_t) hash;
    uint8_t kind;
    uint8_t ascii;
    uint8_t interned;
    // ASCII: the characters follow (sizeof is 56, a multiple of 8)
} WfStrObject;

typedef struct {
    WfStrObject base;
    _Atomic(char *) utf8;      // NULL or the published UTF-8 copy
    wf_ssize utf8_length;      // valid once utf8 is published (written before it)
    // the code points follow
} WfStrWideObject;

extern WfTypeObject wf_str_type;

WF_INLINE bool wf_str_check(WfObject *o) {
    return !wf_is_smallint(o) && wf_type_has_flag(o->ob_type, WF_TPFLAGS_STR_SUBCLASS);
}
WF_INLINE bool wf_str_check_exact(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_str_type; }
// Where the code points start: after the header of the string's layout.
WF_INLINE size_t wf_str_header_size(bool ascii) { return ascii ? sizeof(WfStrObject) : sizeof(WfStrWideObject); }
WF_INLINE void *wf_str_data(WfObject *o) { return (char *)o + wf_str_header_size(((WfStrObject *)o)->ascii); }
WF_INLINE wf_ssize wf_str_length(WfObject *o) { return ((WfStrObject *)o)->length; }
WF_INLINE int wf_str_kind(WfObject *o) { return ((WfStrObject *)o)->kind; }
WF_INLINE uint32_t wf_str_read(int kind, const void *data, wf_ssize i) {
    return kind == 1 ? ((const uint8_t *)data)[i] : kind == 2 ? ((const uint16_t *)data)[i] : ((const uint32_t *)data)[i];
}
WF_INLINE uint32_t wf_str_char_at(WfObject *o, wf_ssize i) { return wf_str_read(wf_str_kind(o), wf_str_data(o), i); }

// Construction.
WfObject *wf_str_new_raw(wf_ssize length, uint32_t maxchar);         // uninitialized data of the right kind
WfObject *wf_str_from_utf8(const char *s, wf_ssize len);             // UnicodeDecodeError on bad UTF-8
WfObject *wf_str_from_utf8_surrogateescape(const char *s, wf_ssize len);
WfObject *wf_str_from_cstr(const char *s);                           // NUL-terminated UTF-8
WfObject *wf_str_from_ucs4(const uint32_t *cp, wf_ssize len);
WfObject *wf_str_from_char(uint32_t cp);                             // chr(); 1-char strings of Latin-1 are cached
WfObject *wf_str_from_format(const char *fmt, ...);                  // codes: see error.h wf_err_format
WfObject *wf_str_from_format_v(const char *fmt, va_list ap);
WfObject *wf_str_empty(void);                                        // '' (immortal)
WfObject *wf_str_substring(WfObject *s, wf_ssize start, wf_ssize end);
WfObject *wf_str_concat(WfObject *a, WfObject *b);
// `left += right` for the VM (CPython's in-place unicode_concatenate).
// *left_slot holds a reference to an exact str (the caller's); right must be
// a str (else TypeError). When that reference is the only one in existence
// (exact, not interned or immortal, owned by this thread with local count 1,
// shared count 0, no deferred/shared GC bits) and right is no wider, the
// string is grown in place (realloc: its address may change) and its cached
// hash and UTF-8 are reset; otherwise this is wf_str_concat. Returns 0 with
// *left_slot's reference replaced by one to the result, or -1 with an
// exception set and *left_slot (and its reference) unchanged.
int wf_str_concat_inplace(WfObject **left_slot, WfObject *right);
WfObject *wf_str_join(WfObject *sep, WfObject *iterable);

// Access.
const char *wf_str_as_utf8(WfObject *s, wf_ssize *len);   // borrowed, lives as long as s; NULL on surrogates (error set)
const char *wf_str_as_utf8_borrow(WfObject *s);           // NUL-terminated; same rules
intptr_t wf_str_hash(WfObject *s);
bool wf_str_equal(WfObject *a, WfObject *b);              // both exact-or-sub str; never fails
int wf_str_compare(WfObject *a, WfObject *b);             // -1/0/1 by code points
bool wf_str_equal_cstr(WfObject *s, const char *ascii);
wf_ssize wf_str_find_char(WfObject *s, uint32_t ch, wf_ssize start, wf_ssize end);
WfObject *wf_str_repr(WfObject *s);
bool wf_str_is_identifier(WfObject *s);
WfObject *wf_str_encode(WfObject *s, const char *encoding, const char *errors);  // bytes
WfObject *wf_str_decode(const char *s, wf_ssize len, const char *encoding, const char *errors);

// Interning: returns the canonical immortal string equal to s (steals s).
// Lock-free for already-interned strings.
WfObject *wf_str_intern_take(WfObject *s);
WfObject *wf_str_intern_cstr(const char *s);   // new canonical (immortal: no decref needed)

// Formatting used by str % args, str.format and format().
WfObject *wf_str_percent_format(WfObject *fmt, WfObject *args);      // str.__mod__
WfObject *wf_str_format_method(WfObject *fmt, WfObject *const *args, size_t nargs, WfObject *kwnames);
WfObject *wf_str_format_map(WfObject *fmt, WfObject *mapping);        // str.format_map
// format-spec mini language for builtins: __format__ of str, int, float.
WfObject *wf_format_str(WfObject *s, WfObject *spec);
WfObject *wf_format_int(WfObject *i, WfObject *spec);
WfObject *wf_format_float(double v, WfObject *spec);
// format(v, spec) (spec: a str, or NULL for ''): wf_object_format, with the
// exact str/int/float cases handled without looking up __format__.
WfObject *wf_format_value(WfObject *v, WfObject *spec);
// complex.__format__ with a non-empty spec (CPython's format_complex_internal:
// no '=' alignment or zero padding, '(re+imj)' without a type). // requested by numbers
WfObject *wf_format_complex(double real, double imag, WfObject *spec);

// Incremental builder (writer) for efficient string building. Code points
// are written straight into a growing str block in the narrowest kind that
// holds everything appended so far (widened on demand), so finish() turns the
// block itself into the result: no UCS-4 scratch, no final copy.
typedef struct {
    char *block;        // NULL, or a wf_mem_malloc'd str block: room for the header of maxchar's
                        // layout, then cap + 1 code units (sized for the wide header always)
    wf_ssize len, cap;  // code points written / room for
    uint32_t maxchar;   // >= every code point written, with the exact maximum's kind and asciiness
    int kind;           // the code unit width in block: 1, 2 or 4 (the kind of maxchar)
} WfStrBuilder;
void wf_str_builder_init(WfStrBuilder *b);
int wf_str_builder_reserve(WfStrBuilder *b, wf_ssize extra);   // room for `extra` more code points (0 / -1)
int wf_str_builder_append_char_slow(WfStrBuilder *b, uint32_t cp);
int wf_str_builder_append_str(WfStrBuilder *b, WfObject *s);
int wf_str_builder_append_utf8(WfStrBuilder *b, const char *s, wf_ssize len);
int wf_str_builder_append_ascii(WfStrBuilder *b, const char *s);
WfObject *wf_str_builder_finish(WfStrBuilder *b);    // frees the builder's buffer
void wf_str_builder_discard(WfStrBuilder *b);
WF_INLINE int wf_str_builder_append_char(WfStrBuilder *b, uint32_t cp) {
    if (cp < 128 && b->len < b->cap) {  // ASCII fits every kind and changes no class
        char *d = b->block + wf_str_header_size(b->maxchar < 128);
        if (b->kind == 1) ((uint8_t *)d)[b->len] = (uint8_t)cp;
        else if (b->kind == 2) ((uint16_t *)d)[b->len] = (uint16_t)cp;
        else ((uint32_t *)d)[b->len] = cp;
        b->len++;
        return 0;
    }
    return wf_str_builder_append_char_slow(b, cp);
}

// SipHash-1-3 with the process key (PYTHONHASHSEED), as CPython's _Py_HashBytes.
intptr_t wf_hash_bytes(const void *data, wf_ssize len);
void wf_hash_init(const char *pythonhashseed_env);  // NULL or "random" → random key; "0" → no randomization
int wf_str_init(void);      // readies str and its iterator type
// The strings area's start-up (declared in runtime/lifecycle.h too): str,
// bytes, bytearray, their iterators, and the interned identifiers.
int wf_strings_init(void);
extern WfTypeObject wf_str_iterator_type;

#endif
