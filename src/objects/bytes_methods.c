// bytes_methods.c — the methods bytes and bytearray share (CPython's
// bytes_methods.c + stringlib): ASCII case mapping and predicates, search,
// split/join/strip/replace, padding, hex/fromhex, translate, decode.
//
// Invariant: every method reads the receiver through wf_bytes_like_get (one
// consistent (data, len) view) and builds its result with make_like(), so a
// bytes receiver yields bytes and a bytearray receiver yields bytearray.
// bytearray calls these inside its critical section (bytearray.c's locked
// wrappers). Views of the receiver are taken after every argument
// conversion that may run Python code (which may suspend that section), so
// the content read is the content under the lock.
#include <limits.h>
#include <stdio.h>

#include "objects/arg.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "runtime/error.h"

static WfObject *make_like(WfObject *self, const char *d, wf_ssize n) {
    return wf_bytearray_check(self) ? wf_bytearray_from_data(d, n) : wf_bytes_from_data(d, n);
}

// The receiver unchanged: bytes are returned as themselves (exact type),
// bytearrays are copied.
static WfObject *same(WfObject *self, const char *d, wf_ssize n) {
    if (WF_TYPE(self) == &wf_bytes_type) return wf_newref(self);
    return make_like(self, d, n);
}

#define VIEW(self, d, n) \
    const char *d;       \
    wf_ssize n;          \
    if (wf_bytes_like_get(self, &d, &n) < 0) return NULL

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------
// Case mapping and predicates

enum { B_LOWER, B_UPPER, B_SWAP, B_CAPITALIZE, B_TITLE };

static WfObject *map_case(WfObject *self, int op) {
    VIEW(self, d, n);
    char *buf = wf_mem_malloc((size_t)n + 1);
    if (!buf) return wf_err_no_memory();
    bool prev_cased = false;
    for (wf_ssize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        unsigned char m = c;
        switch (op) {
        case B_LOWER: if (is_upper(c)) m = c + 32; break;
        case B_UPPER: if (is_lower(c)) m = c - 32; break;
        case B_SWAP: m = is_upper(c) ? c + 32 : is_lower(c) ? c - 32 : c; break;
        case B_CAPITALIZE: m = i == 0 ? (is_lower(c) ? c - 32 : c) : (is_upper(c) ? c + 32 : c); break;
        default:
            m = prev_cased ? (is_upper(c) ? c + 32 : c) : (is_lower(c) ? c - 32 : c);
            prev_cased = is_alpha(c);
            break;
        }
        buf[i] = (char)m;
    }
    WfObject *r = make_like(self, buf, n);
    wf_mem_free(buf);
    return r;
}

WfObject *wf_bytes_method_lower(WfObject *self, WfObject *unused) { return map_case(self, B_LOWER); }
WfObject *wf_bytes_method_upper(WfObject *self, WfObject *unused) { return map_case(self, B_UPPER); }
WfObject *wf_bytes_method_swapcase(WfObject *self, WfObject *unused) { return map_case(self, B_SWAP); }
WfObject *wf_bytes_method_capitalize(WfObject *self, WfObject *unused) { return map_case(self, B_CAPITALIZE); }
WfObject *wf_bytes_method_title(WfObject *self, WfObject *unused) { return map_case(self, B_TITLE); }

static WfObject *all_of(WfObject *self, bool (*pred)(unsigned char)) {
    VIEW(self, d, n);
    if (n == 0) return wf_bool_from(0);
    for (wf_ssize i = 0; i < n; i++)
        if (!pred((unsigned char)d[i])) return wf_bool_from(0);
    return wf_bool_from(1);
}

static bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
WfObject *wf_bytes_method_isalpha(WfObject *self, WfObject *unused) { return all_of(self, is_alpha); }
WfObject *wf_bytes_method_isdigit(WfObject *self, WfObject *unused) { return all_of(self, is_digit); }
WfObject *wf_bytes_method_isalnum(WfObject *self, WfObject *unused) { return all_of(self, is_alnum); }
WfObject *wf_bytes_method_isspace(WfObject *self, WfObject *unused) { return all_of(self, is_space); }

WfObject *wf_bytes_method_isascii(WfObject *self, WfObject *unused) {
    VIEW(self, d, n);
    for (wf_ssize i = 0; i < n; i++)
        if ((unsigned char)d[i] >= 128) return wf_bool_from(0);
    return wf_bool_from(1);
}

WfObject *wf_bytes_method_islower(WfObject *self, WfObject *unused) {
    VIEW(self, d, n);
    bool cased = false;
    for (wf_ssize i = 0; i < n; i++) {
        if (is_upper((unsigned char)d[i])) return wf_bool_from(0);
        if (is_lower((unsigned char)d[i])) cased = true;
    }
    return wf_bool_from(cased);
}

WfObject *wf_bytes_method_isupper(WfObject *self, WfObject *unused) {
    VIEW(self, d, n);
    bool cased = false;
    for (wf_ssize i = 0; i < n; i++) {
        if (is_lower((unsigned char)d[i])) return wf_bool_from(0);
        if (is_upper((unsigned char)d[i])) cased = true;
    }
    return wf_bool_from(cased);
}

WfObject *wf_bytes_method_istitle(WfObject *self, WfObject *unused) {
    VIEW(self, d, n);
    bool cased = false, prev = false;
    for (wf_ssize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (is_upper(c)) {
            if (prev) return wf_bool_from(0);
            prev = cased = true;
        } else if (is_lower(c)) {
            if (!prev) return wf_bool_from(0);
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return wf_bool_from(cased);
}

// ---------------------------------------------------------------------------
// Search

// The needle of find/count/index: an int byte or a bytes-like object.
static int needle_arg(WfObject *o, const char **d, wf_ssize *n, char *byte) {
    if (wf_is_smallint(o) || wf_index_check(o)) {
        wf_ssize v = wf_is_smallint(o) ? wf_smallint_value(o) : wf_number_as_ssize(o, NULL);
        if (v == -1 && wf_err_occurred()) return -1;
        if (v < 0 || v > 255) {
            wf_err_set_string(&wf_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (char)v;
        *d = byte;
        *n = 1;
        return 0;
    }
    if (!wf_bytes_check(o) && !wf_bytearray_check(o)) {
        wf_err_format(&wf_exc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                      WF_TYPE(o)->tp_name);
        return -1;
    }
    return wf_bytes_like_get(o, d, n);
}

static int find_args(const char *name, WfObject *const *args, size_t nargs, wf_ssize *start, wf_ssize *end) {
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

// -2 error, -1 not found, else index.
static wf_ssize do_find(const char *name, WfObject *self, WfObject *const *args, size_t nargs, int dir) {
    const char *d, *nd;
    wf_ssize n, nn, start, end;
    char byte;
    // Arguments first (they may run __index__), the receiver's storage last.
    if (find_args(name, args, nargs, &start, &end) < 0 || needle_arg(args[0], &nd, &nn, &byte) < 0 ||
        wf_bytes_like_get(self, &d, &n) < 0)
        return -2;
    wf_adjust_indices(&start, &end, n);
    if (end - start < nn) return -1;
    if (nn == 0) return dir > 0 ? start : end;
    return wf_bytes_search_find(d, start, end, nd, nn, dir);
}

WfObject *wf_bytes_method_find(WfObject *self, WfObject *const *args, size_t nargs) {
    wf_ssize r = do_find("find", self, args, nargs, 1);
    return r == -2 ? NULL : wf_int_from_ssize(r);
}

WfObject *wf_bytes_method_rfind(WfObject *self, WfObject *const *args, size_t nargs) {
    wf_ssize r = do_find("rfind", self, args, nargs, -1);
    return r == -2 ? NULL : wf_int_from_ssize(r);
}

static WfObject *index_result(wf_ssize r) {
    if (r == -2) return NULL;
    if (r == -1) {
        wf_err_set_string(&wf_exc_ValueError, "subsection not found");
        return NULL;
    }
    return wf_int_from_ssize(r);
}

WfObject *wf_bytes_method_index(WfObject *self, WfObject *const *args, size_t nargs) {
    return index_result(do_find("index", self, args, nargs, 1));
}

WfObject *wf_bytes_method_rindex(WfObject *self, WfObject *const *args, size_t nargs) {
    return index_result(do_find("rindex", self, args, nargs, -1));
}

WfObject *wf_bytes_method_count(WfObject *self, WfObject *const *args, size_t nargs) {
    const char *d, *nd;
    wf_ssize n, nn, start, end;
    char byte;
    if (find_args("count", args, nargs, &start, &end) < 0 || needle_arg(args[0], &nd, &nn, &byte) < 0 ||
        wf_bytes_like_get(self, &d, &n) < 0)
        return NULL;
    wf_adjust_indices(&start, &end, n);
    if (end < start) return wf_int_from_ssize(0);
    return wf_int_from_ssize(wf_bytes_search_count(d, start, end, nd, nn, PTRDIFF_MAX));
}

static WfObject *starts_ends(const char *name, WfObject *self, WfObject *const *args, size_t nargs, int dir) {
    const char *d;
    wf_ssize n, start, end;
    if (find_args(name, args, nargs, &start, &end) < 0 || wf_bytes_like_get(self, &d, &n) < 0) return NULL;
    WfObject *sub = args[0];
    WfObject *const *items = &sub;
    wf_ssize count = 1;
    if (wf_tuple_check(sub)) {
        items = wf_tuple_items(sub);
        count = wf_tuple_size(sub);
    } else if (!wf_bytes_check(sub) && !wf_bytearray_check(sub)) {
        return wf_err_format(&wf_exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %.100s", name,
                             WF_TYPE(sub)->tp_name);
    }
    wf_adjust_indices(&start, &end, n);
    for (wf_ssize k = 0; k < count; k++) {
        const char *sd;
        wf_ssize sn;
        if (wf_bytes_like_get(items[k], &sd, &sn) < 0) return NULL;
        wf_ssize e = end - sn;
        if (e < start) continue;
        wf_ssize off = dir > 0 ? e : start;
        if (sn == 0 || memcmp(d + off, sd, (size_t)sn) == 0) return wf_bool_from(1);
    }
    return wf_bool_from(0);
}

WfObject *wf_bytes_method_startswith(WfObject *self, WfObject *const *args, size_t nargs) {
    return starts_ends("startswith", self, args, nargs, -1);
}

WfObject *wf_bytes_method_endswith(WfObject *self, WfObject *const *args, size_t nargs) {
    return starts_ends("endswith", self, args, nargs, 1);
}

// ---------------------------------------------------------------------------
// Split, join, strip, partition, replace

static int index_arg(WfObject *o, wf_ssize *out) {
    if (wf_is_smallint(o)) {
        *out = wf_smallint_value(o);
        return 0;
    }
    if (!wf_index_check(o)) {
        wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(o)->tp_name);
        return -1;
    }
    *out = wf_number_as_ssize(o, &wf_exc_OverflowError);
    return *out == -1 && wf_err_occurred() ? -1 : 0;
}

static int append_part(WfObject *list, WfObject *self, const char *d, wf_ssize start, wf_ssize end) {
    WfObject *part = make_like(self, d + start, end - start);
    if (!part) return -1;
    return wf_list_append_take(list, part);
}

static WfObject *do_split(const char *name, WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames,
                          bool reverse) {
    WfArgParser parser = {name, "|OO", {"sep", "maxsplit", NULL}};
    WfObject *sepobj = wf_None, *maxobj = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &sepobj, &maxobj) < 0) return NULL;
    wf_ssize maxcount = -1;
    if (maxobj && index_arg(maxobj, &maxcount) < 0) return NULL;
    if (maxcount < 0) maxcount = PTRDIFF_MAX;
    const char *sep = NULL;
    wf_ssize seplen = 0;
    if (sepobj != wf_None) {
        if (wf_bytes_like_get(sepobj, &sep, &seplen) < 0) return NULL;
        if (seplen == 0) {
            wf_err_set_string(&wf_exc_ValueError, "empty separator");
            return NULL;
        }
    }
    VIEW(self, d, n);
    WfObject *list = wf_list_new(0);
    if (!list) return NULL;
    if (!sep) {
        if (!reverse) {
            wf_ssize i = 0, j;
            while (maxcount-- > 0) {
                while (i < n && is_space((unsigned char)d[i])) i++;
                if (i == n) break;
                j = i++;
                while (i < n && !is_space((unsigned char)d[i])) i++;
                if (append_part(list, self, d, j, i) < 0) goto fail;
            }
            if (i < n) {
                while (i < n && is_space((unsigned char)d[i])) i++;
                if (i != n && append_part(list, self, d, i, n) < 0) goto fail;
            }
        } else {
            wf_ssize i = n - 1, j;
            while (maxcount-- > 0) {
                while (i >= 0 && is_space((unsigned char)d[i])) i--;
                if (i < 0) break;
                j = i--;
                while (i >= 0 && !is_space((unsigned char)d[i])) i--;
                if (append_part(list, self, d, i + 1, j + 1) < 0) goto fail;
            }
            if (i >= 0) {
                while (i >= 0 && is_space((unsigned char)d[i])) i--;
                if (i >= 0 && append_part(list, self, d, 0, i + 1) < 0) goto fail;
            }
            if (wf_list_reverse(list) < 0) goto fail;
        }
    } else if (!reverse) {
        wf_ssize i = 0;
        while (maxcount-- > 0) {
            wf_ssize pos = wf_bytes_search_find(d, i, n, sep, seplen, 1);
            if (pos < 0) break;
            if (append_part(list, self, d, i, pos) < 0) goto fail;
            i = pos + seplen;
        }
        if (append_part(list, self, d, i, n) < 0) goto fail;
    } else {
        wf_ssize j = n;
        while (maxcount-- > 0) {
            wf_ssize pos = wf_bytes_search_find(d, 0, j, sep, seplen, -1);
            if (pos < 0) break;
            if (append_part(list, self, d, pos + seplen, j) < 0) goto fail;
            j = pos;
        }
        if (append_part(list, self, d, 0, j) < 0 || wf_list_reverse(list) < 0) goto fail;
    }
    return list;
fail:
    wf_decref(list);
    return NULL;
}

WfObject *wf_bytes_method_split(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return do_split("split", self, args, nargs, kwnames, false);
}

WfObject *wf_bytes_method_rsplit(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return do_split("rsplit", self, args, nargs, kwnames, true);
}

WfObject *wf_bytes_method_splitlines(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"splitlines", "|O", {"keepends", NULL}};
    WfObject *ke = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &ke) < 0) return NULL;
    wf_ssize keepends = 0;
    if (ke && index_arg(ke, &keepends) < 0) return NULL;
    VIEW(self, d, n);
    WfObject *list = wf_list_new(0);
    if (!list) return NULL;
    for (wf_ssize i = 0, j = 0; i < n;) {
        while (i < n && d[i] != '\n' && d[i] != '\r') i++;
        wf_ssize eol = i;
        if (i < n) {
            if (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n') i += 2;
            else i++;
            if (keepends) eol = i;
        }
        if (append_part(list, self, d, j, eol) < 0) {
            wf_decref(list);
            return NULL;
        }
        j = i;
    }
    return list;
}

WfObject *wf_bytes_method_join(WfObject *self, WfObject *iterable) {
    WfObject *seq;
    if (wf_tuple_check_exact(iterable)) {
        seq = wf_newref(iterable);
    } else if (wf_list_check_exact(iterable)) {
        seq = wf_list_as_tuple(iterable);
    } else {
        WfObject *it = wf_object_get_iter(iterable);
        if (!it) {
            if (wf_err_matches(&wf_exc_TypeError)) wf_err_set_string(&wf_exc_TypeError, "can only join an iterable");
            return NULL;
        }
        seq = wf_tuple_from_iterable(it);
        wf_decref(it);
    }
    if (!seq) return NULL;
    const char *sep;
    wf_ssize seplen;
    if (wf_bytes_like_get(self, &sep, &seplen) < 0) {
        wf_decref(seq);
        return NULL;
    }
    wf_ssize count = wf_tuple_size(seq), total = 0;
    WfObject **items = wf_tuple_items(seq);
    for (wf_ssize i = 0; i < count; i++) {
        if (!wf_bytes_check(items[i]) && !wf_bytearray_check(items[i])) {
            wf_err_format(&wf_exc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found", i,
                          WF_TYPE(items[i])->tp_name);
            wf_decref(seq);
            return NULL;
        }
        const char *d;
        wf_ssize n;
        wf_bytes_like_get(items[i], &d, &n);
        total += n + (i ? seplen : 0);
    }
    char *buf = wf_mem_malloc((size_t)total + 1);
    if (!buf) {
        wf_decref(seq);
        return wf_err_no_memory();
    }
    wf_ssize pos = 0;
    for (wf_ssize i = 0; i < count; i++) {
        const char *d;
        wf_ssize n;
        wf_bytes_like_get(items[i], &d, &n);
        if (i && seplen) {
            memcpy(buf + pos, sep, (size_t)seplen);
            pos += seplen;
        }
        if (pos + n > total) n = total - pos;  // an item grew meanwhile (bytearray): stay in bounds
        memcpy(buf + pos, d, (size_t)n);
        pos += n;
    }
    wf_decref(seq);
    WfObject *r = make_like(self, buf, pos);
    wf_mem_free(buf);
    return r;
}

static WfObject *do_strip(const char *name, WfObject *self, WfObject *const *args, size_t nargs, int how) {
    if (wf_arg_check_positional(name, nargs, 0, 1) < 0) return NULL;
    const char *chars = NULL;
    wf_ssize nchars = 0;
    if (nargs && args[0] != wf_None && wf_bytes_like_get(args[0], &chars, &nchars) < 0) return NULL;
    VIEW(self, d, n);
    wf_ssize i = 0, j = n;
    if (how & 1)
        while (i < n && (chars ? memchr(chars, d[i], (size_t)nchars) != NULL : is_space((unsigned char)d[i]))) i++;
    if (how & 2)
        while (j > i && (chars ? memchr(chars, d[j - 1], (size_t)nchars) != NULL : is_space((unsigned char)d[j - 1]))) j--;
    if (i == 0 && j == n) return same(self, d, n);
    return make_like(self, d + i, j - i);
}

WfObject *wf_bytes_method_strip(WfObject *self, WfObject *const *args, size_t nargs) {
    return do_strip("strip", self, args, nargs, 3);
}
WfObject *wf_bytes_method_lstrip(WfObject *self, WfObject *const *args, size_t nargs) {
    return do_strip("lstrip", self, args, nargs, 1);
}
WfObject *wf_bytes_method_rstrip(WfObject *self, WfObject *const *args, size_t nargs) {
    return do_strip("rstrip", self, args, nargs, 2);
}

static WfObject *partition(WfObject *self, WfObject *sepobj, bool reverse) {
    const char *sep;
    wf_ssize seplen;
    if (wf_bytes_like_get(sepobj, &sep, &seplen) < 0) return NULL;
    if (seplen == 0) {
        wf_err_set_string(&wf_exc_ValueError, "empty separator");
        return NULL;
    }
    VIEW(self, d, n);
    wf_ssize pos = wf_bytes_search_find(d, 0, n, sep, seplen, reverse ? -1 : 1);
    WfObject *items[3];
    if (pos < 0) {
        items[0] = make_like(self, reverse ? NULL : d, reverse ? 0 : n);
        items[1] = make_like(self, NULL, 0);
        items[2] = make_like(self, reverse ? d : NULL, reverse ? n : 0);
    } else {
        items[0] = make_like(self, d, pos);
        items[1] = make_like(self, sep, seplen);
        items[2] = make_like(self, d + pos + seplen, n - pos - seplen);
    }
    if (!items[0] || !items[1] || !items[2]) {
        for (int k = 0; k < 3; k++) wf_xdecref(items[k]);
        return NULL;
    }
    return wf_tuple_from_array_take(items, 3);
}

WfObject *wf_bytes_method_partition(WfObject *self, WfObject *sep) { return partition(self, sep, false); }
WfObject *wf_bytes_method_rpartition(WfObject *self, WfObject *sep) { return partition(self, sep, true); }

WfObject *wf_bytes_method_replace(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("replace", nargs, 2, 3) < 0) return NULL;
    const char *old, *new_;
    wf_ssize oldlen, newlen, maxcount = -1;
    if (nargs > 2 && index_arg(args[2], &maxcount) < 0) return NULL;
    if (wf_bytes_like_get(args[0], &old, &oldlen) < 0 || wf_bytes_like_get(args[1], &new_, &newlen) < 0) return NULL;
    VIEW(self, d, n);
    if (maxcount < 0) maxcount = PTRDIFF_MAX;
    wf_ssize count = oldlen == 0 ? (n + 1 < maxcount ? n + 1 : maxcount)
                                 : wf_bytes_search_count(d, 0, n, old, oldlen, maxcount);
    if (count == 0 || n < oldlen) return same(self, d, n);
    if (newlen > oldlen && count > (PTRDIFF_MAX - n) / (newlen - oldlen)) {
        wf_err_set_string(&wf_exc_OverflowError, "replace bytes is too long");
        return NULL;
    }
    wf_ssize total = n + count * (newlen - oldlen);
    char *buf = wf_mem_malloc((size_t)total + 1);
    if (!buf) return wf_err_no_memory();
    wf_ssize i = 0, o = 0;
    for (wf_ssize k = 0; k < count; k++) {
        wf_ssize pos;
        if (oldlen == 0) {
            pos = i;
        } else {
            pos = wf_bytes_search_find(d, i, n, old, oldlen, 1);
            if (pos < 0) break;
        }
        memcpy(buf + o, d + i, (size_t)(pos - i));
        o += pos - i;
        memcpy(buf + o, new_, (size_t)newlen);
        o += newlen;
        if (oldlen == 0) {
            if (pos < n) buf[o++] = d[pos];
            i = pos + 1;
        } else {
            i = pos + oldlen;
        }
    }
    if (i < n) {
        memcpy(buf + o, d + i, (size_t)(n - i));
        o += n - i;
    }
    WfObject *r = make_like(self, buf, o);
    wf_mem_free(buf);
    return r;
}

static WfObject *remove_affix(WfObject *self, WfObject *arg, bool prefix) {
    const char *a;
    wf_ssize an;
    if (wf_bytes_like_get(arg, &a, &an) < 0) return NULL;
    VIEW(self, d, n);
    if (an <= n && an > 0 && memcmp(prefix ? d : d + n - an, a, (size_t)an) == 0)
        return make_like(self, prefix ? d + an : d, n - an);
    return same(self, d, n);
}

WfObject *wf_bytes_method_removeprefix(WfObject *self, WfObject *arg) { return remove_affix(self, arg, true); }
WfObject *wf_bytes_method_removesuffix(WfObject *self, WfObject *arg) { return remove_affix(self, arg, false); }

// ---------------------------------------------------------------------------
// Padding

static WfObject *pad(WfObject *self, wf_ssize left, wf_ssize right, char fill) {
    VIEW(self, d, n);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return same(self, d, n);
    char *buf = wf_mem_malloc((size_t)(left + n + right) + 1);
    if (!buf) return wf_err_no_memory();
    memset(buf, fill, (size_t)left);
    memcpy(buf + left, d, (size_t)n);
    memset(buf + left + n, fill, (size_t)right);
    WfObject *r = make_like(self, buf, left + n + right);
    wf_mem_free(buf);
    return r;
}

static WfObject *justify(const char *name, WfObject *self, WfObject *const *args, size_t nargs, int how) {
    if (wf_arg_check_positional(name, nargs, 1, 2) < 0) return NULL;
    wf_ssize width;
    if (index_arg(args[0], &width) < 0) return NULL;
    char fill = ' ';
    if (nargs > 1) {
        const char *f;
        wf_ssize fn;
        if ((!wf_bytes_check(args[1]) && !wf_bytearray_check(args[1])) || wf_bytes_like_get(args[1], &f, &fn) < 0 ||
            fn != 1)
            return wf_err_format(&wf_exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %.100s", name,
                                 WF_TYPE(args[1])->tp_name);
        fill = f[0];
    }
    VIEW(self, d, n);
    if (n >= width) return same(self, d, n);
    wf_ssize marg = width - n;
    if (how < 0) return pad(self, 0, marg, fill);
    if (how > 0) return pad(self, marg, 0, fill);
    wf_ssize left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

WfObject *wf_bytes_method_center(WfObject *self, WfObject *const *args, size_t nargs) {
    return justify("center", self, args, nargs, 0);
}
WfObject *wf_bytes_method_ljust(WfObject *self, WfObject *const *args, size_t nargs) {
    return justify("ljust", self, args, nargs, -1);
}
WfObject *wf_bytes_method_rjust(WfObject *self, WfObject *const *args, size_t nargs) {
    return justify("rjust", self, args, nargs, 1);
}

WfObject *wf_bytes_method_zfill(WfObject *self, WfObject *arg) {
    wf_ssize width;
    if (index_arg(arg, &width) < 0) return NULL;
    VIEW(self, d, n);
    if (n >= width) return same(self, d, n);
    wf_ssize fill = width - n;
    char *buf = wf_mem_malloc((size_t)width + 1);
    if (!buf) return wf_err_no_memory();
    memset(buf, '0', (size_t)fill);
    memcpy(buf + fill, d, (size_t)n);
    if (n > 0 && (buf[fill] == '+' || buf[fill] == '-')) {
        buf[0] = buf[fill];
        buf[fill] = '0';
    }
    WfObject *r = make_like(self, buf, width);
    wf_mem_free(buf);
    return r;
}

WfObject *wf_bytes_method_expandtabs(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"expandtabs", "|O", {"tabsize", NULL}};
    WfObject *ts = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &ts) < 0) return NULL;
    wf_ssize tabsize = 8;
    if (ts && index_arg(ts, &tabsize) < 0) return NULL;
    VIEW(self, d, n);
    wf_ssize total = 0, col = 0;
    for (wf_ssize i = 0; i < n; i++) {
        if (d[i] == '\t') {
            if (tabsize > 0) {
                wf_ssize incr = tabsize - col % tabsize;
                col += incr;
                total += incr;
            }
        } else {
            total++;
            col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
        }
    }
    char *buf = wf_mem_malloc((size_t)total + 1);
    if (!buf) return wf_err_no_memory();
    wf_ssize o = 0;
    col = 0;
    for (wf_ssize i = 0; i < n; i++) {
        if (d[i] == '\t') {
            if (tabsize > 0) {
                wf_ssize incr = tabsize - col % tabsize;
                memset(buf + o, ' ', (size_t)incr);
                o += incr;
                col += incr;
            }
        } else {
            buf[o++] = d[i];
            col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
        }
    }
    WfObject *r = make_like(self, buf, o);
    wf_mem_free(buf);
    return r;
}

// ---------------------------------------------------------------------------
// hex / fromhex / translate / maketrans / decode

WfObject *wf_bytes_method_hex(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"hex", "|OO", {"sep", "bytes_per_sep", NULL}};
    WfObject *sepobj = NULL, *bpsobj = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &sepobj, &bpsobj) < 0) return NULL;
    uint32_t sep = 0;
    wf_ssize bps = 1;
    if (sepobj) {
        wf_ssize sl;
        if (wf_str_check(sepobj)) {
            sl = wf_str_length(sepobj);
            if (sl == 1) sep = wf_str_char_at(sepobj, 0);
        } else if (wf_bytes_check(sepobj) || wf_bytearray_check(sepobj)) {
            const char *sd;
            wf_bytes_like_get(sepobj, &sd, &sl);
            if (sl == 1) sep = (unsigned char)sd[0];
        } else {
            sl = wf_object_len(sepobj);
            if (sl < 0) return NULL;
        }
        if (sl != 1) {
            wf_err_set_string(&wf_exc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if (sep > 127) {
            wf_err_set_string(&wf_exc_ValueError, "sep must be ASCII.");
            return NULL;
        }
    }
    if (bpsobj && index_arg(bpsobj, &bps) < 0) return NULL;
    VIEW(self, d, n);
    static const char hexd[] = "0123456789abcdef";
    wf_ssize abs_bps = bps < 0 ? -bps : bps;
    if (!sep || abs_bps == 0 || n == 0) {
        char *buf = wf_mem_malloc((size_t)n * 2 + 1);
        if (!buf) return wf_err_no_memory();
        for (wf_ssize i = 0; i < n; i++) {
            buf[2 * i] = hexd[(unsigned char)d[i] >> 4];
            buf[2 * i + 1] = hexd[d[i] & 15];
        }
        WfObject *r = wf_str_from_ascii(buf, 2 * n);
        wf_mem_free(buf);
        return r;
    }
    wf_ssize nseps = (n - 1) / abs_bps;
    wf_ssize total = 2 * n + nseps;
    char *buf = wf_mem_malloc((size_t)total + 1);
    if (!buf) return wf_err_no_memory();
    wf_ssize o = 0;
    for (wf_ssize i = 0; i < n; i++) {
        // Positive bytes_per_sep counts groups from the right, negative from the left.
        if (i > 0) {
            bool boundary = bps > 0 ? ((n - i) % abs_bps == 0) : (i % abs_bps == 0);
            if (boundary) buf[o++] = (char)sep;
        }
        buf[o++] = hexd[(unsigned char)d[i] >> 4];
        buf[o++] = hexd[d[i] & 15];
    }
    WfObject *r = wf_str_from_ascii(buf, o);
    wf_mem_free(buf);
    return r;
}

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

// fromhex(string) as a classmethod of bytes (self is the class).
WfObject *wf_bytes_method_fromhex(WfObject *cls, WfObject *arg) {
    if (!wf_str_check(arg))
        return wf_err_format(&wf_exc_TypeError, "fromhex() argument must be str, not %.100s", WF_TYPE(arg)->tp_name);
    wf_ssize n = wf_str_length(arg);
    char *buf = wf_mem_malloc((size_t)n / 2 + 1);
    if (!buf) return wf_err_no_memory();
    wf_ssize o = 0, i = 0;
    while (i < n) {
        uint32_t c = wf_str_char_at(arg, i);
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            i++;
            continue;
        }
        int hi = hexval(c);
        if (hi < 0) goto error;
        if (i + 1 >= n) {
            i++;
            goto error;
        }
        int lo = hexval(wf_str_char_at(arg, i + 1));
        if (lo < 0) {
            i++;
            goto error;
        }
        buf[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    WfObject *r;
    if ((WfTypeObject *)cls == &wf_bytearray_type) {
        r = wf_bytearray_from_data(buf, o);
    } else {
        r = wf_bytes_from_data(buf, o);
        if (r && (WfTypeObject *)cls != &wf_bytes_type) {
            WfObject *sub = wf_object_call_one(cls, r);
            wf_decref(r);
            r = sub;
        }
    }
    wf_mem_free(buf);
    return r;
error:
    wf_mem_free(buf);
    return wf_err_format(&wf_exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i);
}

WfObject *wf_bytes_method_translate(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"translate", "O|O", {"", "delete", NULL}};
    WfObject *table = NULL, *delobj = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &table, &delobj) < 0) return NULL;
    const char *t = NULL, *del = NULL;
    wf_ssize tn = 0, deln = 0;
    if (table != wf_None) {
        if (wf_bytes_like_get(table, &t, &tn) < 0) return NULL;
        if (tn != 256) {
            wf_err_set_string(&wf_exc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (delobj && wf_bytes_like_get(delobj, &del, &deln) < 0) return NULL;
    VIEW(self, d, n);
    char *buf = wf_mem_malloc((size_t)n + 1);
    if (!buf) return wf_err_no_memory();
    wf_ssize o = 0;
    for (wf_ssize i = 0; i < n; i++) {
        if (deln && memchr(del, d[i], (size_t)deln)) continue;
        buf[o++] = t ? t[(unsigned char)d[i]] : d[i];
    }
    WfObject *r = make_like(self, buf, o);
    wf_mem_free(buf);
    return r;
}

WfObject *wf_bytes_method_maketrans(WfObject *unused, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("maketrans", nargs, 2, 2) < 0) return NULL;
    const char *f, *t;
    wf_ssize fn, tn;
    if (wf_bytes_like_get(args[0], &f, &fn) < 0 || wf_bytes_like_get(args[1], &t, &tn) < 0) return NULL;
    if (fn != tn) {
        wf_err_set_string(&wf_exc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    char table[256];
    for (int i = 0; i < 256; i++) table[i] = (char)i;
    for (wf_ssize i = 0; i < fn; i++) table[(unsigned char)f[i]] = t[i];
    return wf_bytes_from_data(table, 256);
}

WfObject *wf_bytes_method_decode(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"decode", "|OO", {"encoding", "errors", NULL}};
    WfObject *enc = NULL, *err = NULL;
    if (nargs <= 2 && !kwnames) {  // positional only: no parser needed
        if (nargs > 0) enc = args[0];
        if (nargs > 1) err = args[1];
    } else if (wf_arg_parse(args, nargs, kwnames, &parser, &enc, &err) < 0) {
        return NULL;
    }
    const char *encoding = NULL, *errors = NULL;
    if (enc) {
        if (!wf_str_check(enc))
            return wf_err_format(&wf_exc_TypeError, "decode() argument 'encoding' must be str, not %.100s",
                                 WF_TYPE(enc)->tp_name);
        if (!(encoding = wf_str_as_utf8_borrow(enc))) return NULL;
    }
    if (err) {
        if (!wf_str_check(err))
            return wf_err_format(&wf_exc_TypeError, "decode() argument 'errors' must be str, not %.100s",
                                 WF_TYPE(err)->tp_name);
        if (!(errors = wf_str_as_utf8_borrow(err))) return NULL;
    }
    return wf_bytes_decode(self, encoding, errors);
}

// ---------------------------------------------------------------------------
// bytes-only methods and the table

static WfObject *bytes_getnewargs(WfObject *self, WfObject *unused) {
    WfObject *copy = wf_bytes_from_data(wf_bytes_data(self), wf_bytes_size(self));
    if (!copy) return NULL;
    WfObject *r = wf_tuple_pack(1, copy);
    wf_decref(copy);
    return r;
}

static WfObject *bytes_bytes(WfObject *self, WfObject *unused) {
    if (WF_TYPE(self) == &wf_bytes_type) return wf_newref(self);
    return wf_bytes_from_data(wf_bytes_data(self), wf_bytes_size(self));
}

const WfMethodDef wf_bytes_methods[] = {
    WF_BYTES_SHARED_METHODS(WF_BYTES_METHOD_FN),
    WF_METHOD("__getnewargs__", bytes_getnewargs, WF_METH_NOARGS, NULL),
    WF_METHOD("__bytes__", bytes_bytes, WF_METH_NOARGS, "__bytes__($self, /)\n--\n\nConvert this value to exact type bytes."),
    WF_METHOD_END,
};
