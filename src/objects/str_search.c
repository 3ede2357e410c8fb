// str_search.c — substring search over kind-wide str data and over bytes,
// and the str methods built on it: find, rfind, index, rindex, count,
// startswith, endswith.
//
// Invariant: the search helpers take (start, end) already adjusted to
// 0 <= start, end <= len (CPython's ADJUST_INDICES), never read outside
// [start, end), and return an absolute index or -1.
#include <limits.h>

#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Raw searching on equal kinds

// CPython's (3.9) fastsearch default_find / default_rfind: Horspool-style
// skips driven by the needle's last (first) character and a 64-bit Bloom
// filter of its characters. Haystack s[0..n), needle p[0..m), 2 <= m <= n.
// Good on average; O(n * m) at worst (CPython switches to two-way for long
// needles; forward search in kind-1 text uses glibc's memmem for them).
#define BLOOM_BIT(ch) ((uint64_t)1 << ((ch) & 63))
#define DEFINE_SEARCH(T)                                                                              \
    static inline wf_ssize find_##T(const T *s, wf_ssize n, const T *p, wf_ssize m) {                           \
        wf_ssize mlast = m - 1, skip = mlast - 1, w = n - m;                                           \
        uint64_t mask = 0;                                                                              \
        for (wf_ssize i = 0; i < mlast; i++) {                                                          \
            mask |= BLOOM_BIT(p[i]);                                                                    \
            if (p[i] == p[mlast]) skip = mlast - i - 1;                                                 \
        }                                                                                               \
        mask |= BLOOM_BIT(p[mlast]);                                                                    \
        for (wf_ssize i = 0; i <= w; i++) {                                                             \
            if (s[i + mlast] == p[mlast]) {                                                             \
                wf_ssize j = 0;                                                                         \
                while (j < mlast && s[i + j] == p[j]) j++;                                              \
                if (j == mlast) return i;                                                               \
                if (i < w && !(mask & BLOOM_BIT(s[i + m]))) i += m;                                     \
                else i += skip;                                                                         \
            } else if (i < w && !(mask & BLOOM_BIT(s[i + m]))) {                                        \
                i += m;                                                                                 \
            }                                                                                           \
        }                                                                                               \
        return -1;                                                                                      \
    }                                                                                                   \
    /* Non-overlapping matches, at most maxcount (find_T's loop, continuing after a match). */         \
    static inline wf_ssize count_##T(const T *s, wf_ssize n, const T *p, wf_ssize m, wf_ssize maxcount) { \
        wf_ssize mlast = m - 1, skip = mlast - 1, w = n - m, count = 0;                                \
        uint64_t mask = 0;                                                                              \
        for (wf_ssize i = 0; i < mlast; i++) {                                                          \
            mask |= BLOOM_BIT(p[i]);                                                                    \
            if (p[i] == p[mlast]) skip = mlast - i - 1;                                                 \
        }                                                                                               \
        mask |= BLOOM_BIT(p[mlast]);                                                                    \
        for (wf_ssize i = 0; i <= w; i++) {                                                             \
            if (s[i + mlast] == p[mlast]) {                                                             \
                wf_ssize j = 0;                                                                         \
                while (j < mlast && s[i + j] == p[j]) j++;                                              \
                if (j == mlast) {                                                                       \
                    if (++count == maxcount) break;                                                     \
                    i += mlast;                                                                         \
                    continue;                                                                           \
                }                                                                                       \
                if (i < w && !(mask & BLOOM_BIT(s[i + m]))) i += m;                                     \
                else i += skip;                                                                         \
            } else if (i < w && !(mask & BLOOM_BIT(s[i + m]))) {                                        \
                i += m;                                                                                 \
            }                                                                                           \
        }                                                                                               \
        return count;                                                                                   \
    }                                                                                                   \
    static inline wf_ssize rfind_##T(const T *s, wf_ssize n, const T *p, wf_ssize m) {                          \
        wf_ssize mlast = m - 1, skip = mlast - 1;                                                       \
        uint64_t mask = BLOOM_BIT(p[0]);                                                                \
        for (wf_ssize i = mlast; i > 0; i--) {                                                          \
            mask |= BLOOM_BIT(p[i]);                                                                    \
            if (p[i] == p[0]) skip = i - 1;                                                             \
        }                                                                                               \
        for (wf_ssize i = n - m; i >= 0; i--) {                                                         \
            if (s[i] == p[0]) {                                                                         \
                wf_ssize j = mlast;                                                                     \
                while (j > 0 && s[i + j] == p[j]) j--;                                                  \
                if (j == 0) return i;                                                                   \
                if (i > 0 && !(mask & BLOOM_BIT(s[i - 1]))) i -= m;                                     \
                else i -= skip;                                                                         \
            } else if (i > 0 && !(mask & BLOOM_BIT(s[i - 1]))) {                                        \
                i -= m;                                                                                 \
            }                                                                                           \
        }                                                                                               \
        return -1;                                                                                      \
    }
DEFINE_SEARCH(uint8_t)
DEFINE_SEARCH(uint16_t)
DEFINE_SEARCH(uint32_t)
#undef DEFINE_SEARCH

static wf_ssize find_kind(int kind, const char *h, wf_ssize start, wf_ssize end, const char *n, wf_ssize nlen) {
    if (nlen == 0) return start;
    if (end - start < nlen) return -1;
    wf_ssize r;
    if (kind == 1 && (nlen == 1 || nlen > 32 || end - start > 256)) {
        // glibc's memchr, or memmem (two-way: linear at worst, and fast on
        // long text), except for short needles in short windows (the
        // repeated searches of replace/split/partition), where its per-call
        // set-up costs more than a Horspool scan (whose worst case a short
        // needle bounds to 32 n).
        const char *p = nlen == 1 ? memchr(h + start, (uint8_t)n[0], (size_t)(end - start))
                                  : memmem(h + start, (size_t)(end - start), n, (size_t)nlen);
        return p ? p - h : -1;
    }
    if (nlen == 1) {
        uint32_t ch = wf_str_read(kind, n, 0);
        for (wf_ssize i = start; i < end; i++)
            if (wf_str_read(kind, h, i) == ch) return i;
        return -1;
    }
    if (kind == 1) r = find_uint8_t((const uint8_t *)h + start, end - start, (const uint8_t *)n, nlen);
    else if (kind == 2) r = find_uint16_t((const uint16_t *)h + start, end - start, (const uint16_t *)n, nlen);
    else r = find_uint32_t((const uint32_t *)h + start, end - start, (const uint32_t *)n, nlen);
    return r < 0 ? -1 : r + start;
}

static wf_ssize rfind_kind(int kind, const char *h, wf_ssize start, wf_ssize end, const char *n, wf_ssize nlen) {
    if (nlen == 0) return end;
    if (end - start < nlen) return -1;
    if (nlen == 1) {
        uint32_t ch = wf_str_read(kind, n, 0);
        for (wf_ssize i = end - 1; i >= start; i--)
            if (wf_str_read(kind, h, i) == ch) return i;
        return -1;
    }
    wf_ssize r;
    if (kind == 1) r = rfind_uint8_t((const uint8_t *)h + start, end - start, (const uint8_t *)n, nlen);
    else if (kind == 2) r = rfind_uint16_t((const uint16_t *)h + start, end - start, (const uint16_t *)n, nlen);
    else r = rfind_uint32_t((const uint32_t *)h + start, end - start, (const uint32_t *)n, nlen);
    return r < 0 ? -1 : r + start;
}

static wf_ssize count_kind(int kind, const char *h, wf_ssize start, wf_ssize end, const char *n, wf_ssize nlen,
                           wf_ssize maxcount) {
    if (end - start < nlen || maxcount == 0) return 0;
    if (nlen == 0) {
        wf_ssize c = end - start + 1;
        return c < maxcount ? c : maxcount;
    }
    if (nlen == 1 && maxcount >= end - start) {  // one character, no limit: a counting loop
        uint32_t ch = wf_str_read(kind, n, 0);
        wf_ssize c = 0;
        if (kind == 1) {
            // Eight bytes at a time: x = w ^ ch-in-every-byte has a zero byte
            // per match; ((x & 0x7f..) + 0x7f..) | x has a byte's top bit
            // clear exactly when that byte is zero (no carry crosses bytes).
            const uint8_t *p = (const uint8_t *)h;
            uint64_t pattern = 0x0101010101010101ULL * ch, high = 0x8080808080808080ULL, low = 0x7f7f7f7f7f7f7f7fULL;
            wf_ssize i = start;
            for (; i + 8 <= end; i += 8) {
                uint64_t w;
                memcpy(&w, p + i, 8);
                uint64_t x = w ^ pattern;
                uint64_t zero = ~(((x & low) + low) | x) & high;
                c += (wf_ssize)(((zero >> 7) * 0x0101010101010101ULL) >> 56);
            }
            for (; i < end; i++) c += p[i] == ch;
        } else if (kind == 2) {
            const uint16_t *p = (const uint16_t *)h;
            for (wf_ssize i = start; i < end; i++) c += p[i] == ch;
        } else {
            const uint32_t *p = (const uint32_t *)h;
            for (wf_ssize i = start; i < end; i++) c += p[i] == ch;
        }
        return c;
    }
    if (nlen > 1 && (kind != 1 || nlen <= 32)) {  // one Horspool pass (no per-match set-up)
        if (kind == 1) return count_uint8_t((const uint8_t *)h + start, end - start, (const uint8_t *)n, nlen, maxcount);
        if (kind == 2)
            return count_uint16_t((const uint16_t *)h + start, end - start, (const uint16_t *)n, nlen, maxcount);
        return count_uint32_t((const uint32_t *)h + start, end - start, (const uint32_t *)n, nlen, maxcount);
    }
    wf_ssize c = 0;
    for (;;) {
        wf_ssize i = find_kind(kind, h, start, end, n, nlen);
        if (i < 0) break;
        c++;
        if (c == maxcount) break;
        start = i + nlen;
    }
    return c;
}

wf_ssize wf_bytes_search_find(const char *hay, wf_ssize start, wf_ssize end, const char *needle, wf_ssize nlen,
                              int direction) {
    if (end - start < nlen) return -1;
    return direction > 0 ? find_kind(1, hay, start, end, needle, nlen) : rfind_kind(1, hay, start, end, needle, nlen);
}

wf_ssize wf_bytes_search_count(const char *hay, wf_ssize start, wf_ssize end, const char *needle, wf_ssize nlen,
                               wf_ssize maxcount) {
    return count_kind(1, hay, start, end, needle, nlen, maxcount);
}

// The needle converted to the haystack's kind, in `tmp` when it must be
// widened. Returns NULL when the needle cannot occur (a wider kind), or
// sets *err on allocation failure.
const char *wf_str_search_needle_as(WfObject *hay, WfObject *needle, char **tmp, bool *err) {
    int hk = wf_str_kind(hay), nk = wf_str_kind(needle);
    *tmp = NULL;
    *err = false;
    if (nk == hk) return wf_str_data(needle);
    if (nk > hk) return NULL;
    wf_ssize n = wf_str_length(needle);
    char *buf = wf_mem_malloc((size_t)(n * hk) + 1);
    if (!buf) {
        wf_err_no_memory();
        *err = true;
        return NULL;
    }
    for (wf_ssize i = 0; i < n; i++) wf_str_write(hk, buf, i, wf_str_read(nk, wf_str_data(needle), i));
    *tmp = buf;
    return buf;
}

wf_ssize wf_str_search_find_raw(int kind, const char *hay, wf_ssize start, wf_ssize end, const char *needle,
                                wf_ssize nlen, int direction) {
    if (end - start < nlen) return -1;
    return direction > 0 ? find_kind(kind, hay, start, end, needle, nlen) : rfind_kind(kind, hay, start, end, needle, nlen);
}

wf_ssize wf_str_search_find(WfObject *hay, WfObject *needle, wf_ssize start, wf_ssize end, int direction) {
    wf_ssize nlen = wf_str_length(needle);
    if (end - start < nlen) return -1;
    if (nlen == 0) return direction > 0 ? start : end;
    if (nlen == 1) {
        uint32_t ch = wf_str_char_at(needle, 0);
        if (direction > 0) return wf_str_find_char(hay, ch, start, end);
        int kind = wf_str_kind(hay);
        const void *d = wf_str_data(hay);
        for (wf_ssize i = end - 1; i >= start; i--)
            if (wf_str_read(kind, d, i) == ch) return i;
        return -1;
    }
    char *tmp;
    bool err;
    const char *n = wf_str_search_needle_as(hay, needle, &tmp, &err);
    if (!n) return err ? -2 : -1;
    int kind = wf_str_kind(hay);
    wf_ssize r = direction > 0 ? find_kind(kind, wf_str_data(hay), start, end, n, nlen)
                               : rfind_kind(kind, wf_str_data(hay), start, end, n, nlen);
    wf_mem_free(tmp);
    return r;
}

wf_ssize wf_str_search_count(WfObject *hay, WfObject *needle, wf_ssize start, wf_ssize end, wf_ssize maxcount) {
    wf_ssize nlen = wf_str_length(needle);
    if (end - start < nlen) return 0;
    char *tmp;
    bool err;
    const char *n = wf_str_search_needle_as(hay, needle, &tmp, &err);
    if (!n) return err ? -1 : 0;
    wf_ssize r = count_kind(wf_str_kind(hay), wf_str_data(hay), start, end, n, nlen, maxcount);
    wf_mem_free(tmp);
    return r;
}

// ---------------------------------------------------------------------------
// Argument helpers

int wf_str_parse_slice_index(WfObject *o, wf_ssize *out) {
    if (o == wf_None) return 0;
    if (wf_is_smallint(o)) {
        *out = wf_smallint_value(o);
        return 0;
    }
    if (!wf_index_check(o)) {
        wf_err_set_string(&wf_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    wf_ssize v = wf_number_as_ssize(o, NULL);  // clamps on overflow, like _PyEval_SliceIndex
    if (v == -1 && wf_err_occurred()) return -1;
    *out = v;
    return 0;
}

// (sub[, start[, end]]) with getargs-style count messages.
static int parse_find_args(const char *name, WfObject *const *args, size_t nargs, wf_ssize *start, wf_ssize *end) {
    if (nargs < 1) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at least 1 argument (0 given)", name);
        return -1;
    }
    if (nargs > 3) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most 3 arguments (%zu given)", name, nargs);
        return -1;
    }
    *start = 0;
    *end = PTRDIFF_MAX;
    if (nargs > 1 && wf_str_parse_slice_index(args[1], start) < 0) return -1;
    if (nargs > 2 && wf_str_parse_slice_index(args[2], end) < 0) return -1;
    return 0;
}

static int check_str_arg(WfObject *o) {
    if (wf_str_check(o)) return 0;
    wf_err_format(&wf_exc_TypeError, "must be str, not %.100s", WF_TYPE(o)->tp_name);
    return -1;
}

// find/rfind/index/rindex: returns the index, -1 not found, -2 error.
static wf_ssize do_find(const char *name, WfObject *self, WfObject *const *args, size_t nargs, int direction) {
    wf_ssize start, end;
    if (parse_find_args(name, args, nargs, &start, &end) < 0 || check_str_arg(args[0]) < 0) return -2;
    wf_adjust_indices(&start, &end, wf_str_length(self));
    return wf_str_search_find(self, args[0], start, end, direction);
}

WfObject *wf_str_method_find(WfObject *self, WfObject *const *args, size_t nargs) {
    wf_ssize r = do_find("find", self, args, nargs, 1);
    return r == -2 ? NULL : wf_int_from_ssize(r);
}

WfObject *wf_str_method_rfind(WfObject *self, WfObject *const *args, size_t nargs) {
    wf_ssize r = do_find("rfind", self, args, nargs, -1);
    return r == -2 ? NULL : wf_int_from_ssize(r);
}

WfObject *wf_str_method_index(WfObject *self, WfObject *const *args, size_t nargs) {
    wf_ssize r = do_find("index", self, args, nargs, 1);
    if (r == -2) return NULL;
    if (r == -1) {
        wf_err_set_string(&wf_exc_ValueError, "substring not found");
        return NULL;
    }
    return wf_int_from_ssize(r);
}

WfObject *wf_str_method_rindex(WfObject *self, WfObject *const *args, size_t nargs) {
    wf_ssize r = do_find("rindex", self, args, nargs, -1);
    if (r == -2) return NULL;
    if (r == -1) {
        wf_err_set_string(&wf_exc_ValueError, "substring not found");
        return NULL;
    }
    return wf_int_from_ssize(r);
}

WfObject *wf_str_method_count(WfObject *self, WfObject *const *args, size_t nargs) {
    wf_ssize start, end;
    if (parse_find_args("count", args, nargs, &start, &end) < 0 || check_str_arg(args[0]) < 0) return NULL;
    wf_adjust_indices(&start, &end, wf_str_length(self));
    if (end < start) return wf_int_from_ssize(0);
    wf_ssize r = wf_str_search_count(self, args[0], start, end, PTRDIFF_MAX);
    return r < 0 ? NULL : wf_int_from_ssize(r);
}

// CPython's tailmatch: 1 match, 0 no match.
static int tailmatch(WfObject *self, WfObject *sub, wf_ssize start, wf_ssize end, int direction) {
    wf_ssize slen = wf_str_length(sub);
    wf_adjust_indices(&start, &end, wf_str_length(self));
    end -= slen;
    if (end < start) return 0;
    if (slen == 0) return 1;
    wf_ssize offset = direction > 0 ? end : start;
    int k1 = wf_str_kind(self), k2 = wf_str_kind(sub);
    const void *d1 = wf_str_data(self), *d2 = wf_str_data(sub);
    if (k1 == k2) return memcmp((const char *)d1 + offset * k1, d2, (size_t)(slen * k1)) == 0;
    for (wf_ssize i = 0; i < slen; i++)
        if (wf_str_read(k1, d1, offset + i) != wf_str_read(k2, d2, i)) return 0;
    return 1;
}

static WfObject *starts_ends(const char *name, WfObject *self, WfObject *const *args, size_t nargs, int direction) {
    wf_ssize start, end;
    if (parse_find_args(name, args, nargs, &start, &end) < 0) return NULL;
    WfObject *sub = args[0];
    if (wf_tuple_check(sub)) {
        wf_ssize n = wf_tuple_size(sub);
        for (wf_ssize i = 0; i < n; i++) {
            WfObject *item = wf_tuple_get_borrow(sub, i);
            if (!wf_str_check(item))
                return wf_err_format(&wf_exc_TypeError, "tuple for %s must only contain str, not %.100s", name,
                                     WF_TYPE(item)->tp_name);
            if (tailmatch(self, item, start, end, direction)) return wf_bool_from(1);
        }
        return wf_bool_from(0);
    }
    if (!wf_str_check(sub))
        return wf_err_format(&wf_exc_TypeError, "%s first arg must be str or a tuple of str, not %.100s", name,
                             WF_TYPE(sub)->tp_name);
    return wf_bool_from(tailmatch(self, sub, start, end, direction));
}

WfObject *wf_str_method_startswith(WfObject *self, WfObject *const *args, size_t nargs) {
    return starts_ends("startswith", self, args, nargs, -1);
}

WfObject *wf_str_method_endswith(WfObject *self, WfObject *const *args, size_t nargs) {
    return starts_ends("endswith", self, args, nargs, 1);
}
