// str_split.c — str methods that cut and reassemble text: split, rsplit,
// splitlines, partition, rpartition, strip, lstrip, rstrip, replace, join,
// following CPython's stringlib algorithms (and its exact-str reuse rules).
//
// Invariant: `self` is immutable; results are new lists/tuples of new or
// shared (immutable) strings.
#include <limits.h>

#include "objects/arg.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"
#include "objects/tuple.h"
#include "runtime/error.h"

static int append_sub(WfObject *list, WfObject *s, wf_ssize start, wf_ssize end) {
    WfObject *sub = wf_str_substring(s, start, end);
    if (!sub) return -1;
    return wf_list_append_take(list, sub);
}

// maxsplit / count style argument: an index; negative means "all".
static int index_arg(WfObject *o, wf_ssize *out) {
    if (wf_is_smallint(o)) {
        *out = wf_smallint_value(o);
        return 0;
    }
    if (!wf_index_check(o)) {
        wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(o)->tp_name);
        return -1;
    }
    wf_ssize v = wf_number_as_ssize(o, &wf_exc_OverflowError);
    if (v == -1 && wf_err_occurred()) return -1;
    *out = v;
    return 0;
}

// Unicode whitespace among U+0000..U+00FF: \t-\r, \x1c-\x1f, ' ', \x85, \xa0.
static inline bool is_space_latin1(uint32_t c) {
    return c == ' ' || (c - 9 < 5) || (c - 0x1c < 4) || c == 0x85 || c == 0xa0;
}

static inline bool is_space_at(int kind, const void *d, wf_ssize i) {
    if (kind == 1) return is_space_latin1(((const uint8_t *)d)[i]);
    return wf_unicode_isspace(wf_str_read(kind, d, i));
}

static WfObject *split_whitespace(WfObject *self, wf_ssize maxcount) {
    wf_ssize len = wf_str_length(self);
    int kind = wf_str_kind(self);
    const void *d = wf_str_data(self);
    WfObject *list = wf_list_new(0);
    if (!list) return NULL;
    wf_ssize i = 0, j;
    while (maxcount-- > 0) {
        while (i < len && is_space_at(kind, d, i)) i++;
        if (i == len) break;
        j = i;
        i++;
        while (i < len && !is_space_at(kind, d, i)) i++;
        if (append_sub(list, self, j, i) < 0) goto fail;
    }
    if (i < len) {
        while (i < len && is_space_at(kind, d, i)) i++;
        if (i != len && append_sub(list, self, i, len) < 0) goto fail;
    }
    return list;
fail:
    wf_decref(list);
    return NULL;
}

static WfObject *rsplit_whitespace(WfObject *self, wf_ssize maxcount) {
    wf_ssize len = wf_str_length(self);
    int kind = wf_str_kind(self);
    const void *d = wf_str_data(self);
    WfObject *list = wf_list_new(0);
    if (!list) return NULL;
    wf_ssize i = len - 1, j;
    while (maxcount-- > 0) {
        while (i >= 0 && is_space_at(kind, d, i)) i--;
        if (i < 0) break;
        j = i;
        i--;
        while (i >= 0 && !is_space_at(kind, d, i)) i--;
        if (append_sub(list, self, i + 1, j + 1) < 0) goto fail;
    }
    if (i >= 0) {
        while (i >= 0 && is_space_at(kind, d, i)) i--;
        if (i >= 0 && append_sub(list, self, 0, i + 1) < 0) goto fail;
    }
    if (wf_list_size(list) > 1 && wf_list_reverse(list) < 0) goto fail;
    return list;
fail:
    wf_decref(list);
    return NULL;
}

// split() on a one-character separator (the common case), forward only.
static WfObject *split_char(WfObject *self, uint32_t ch, wf_ssize maxcount) {
    wf_ssize len = wf_str_length(self), i = 0;
    int kind = wf_str_kind(self);
    const char *data = wf_str_data(self);
    WfObject *list = wf_list_new(0);
    if (!list) return NULL;
    while (maxcount-- > 0) {
        wf_ssize pos;
        if (kind == 1) {
            const char *p = memchr(data + i, (int)ch, (size_t)(len - i));
            if (!p) break;
            pos = p - data;
        } else {
            pos = wf_str_find_char(self, ch, i, len);
            if (pos < 0) break;
        }
        if (append_sub(list, self, i, pos) < 0) goto fail;
        i = pos + 1;
    }
    if (append_sub(list, self, i, len) < 0) goto fail;
    return list;
fail:
    wf_decref(list);
    return NULL;
}

static WfObject *split_sep(WfObject *self, WfObject *sep, wf_ssize maxcount, bool reverse) {
    if (!reverse && wf_str_length(sep) == 1 && wf_str_kind(sep) <= wf_str_kind(self))
        return split_char(self, wf_str_char_at(sep, 0), maxcount);
    wf_ssize len = wf_str_length(self), seplen = wf_str_length(sep);
    WfObject *list = wf_list_new(0);
    if (!list) return NULL;
    char *tmp = NULL;
    bool err = false;
    const char *needle = wf_str_search_needle_as(self, sep, &tmp, &err);
    if (err) goto fail;
    int kind = wf_str_kind(self);
    const char *data = wf_str_data(self);
    if (!reverse) {
        wf_ssize i = 0;
        while (needle && maxcount-- > 0) {
            wf_ssize pos = wf_str_search_find_raw(kind, data, i, len, needle, seplen, 1);
            if (pos < 0) break;
            if (append_sub(list, self, i, pos) < 0) goto fail;
            i = pos + seplen;
        }
        if (append_sub(list, self, i, len) < 0) goto fail;
    } else {
        wf_ssize j = len;
        while (needle && maxcount-- > 0) {
            wf_ssize pos = wf_str_search_find_raw(kind, data, 0, j, needle, seplen, -1);
            if (pos < 0) break;
            if (append_sub(list, self, pos + seplen, j) < 0) goto fail;
            j = pos;
        }
        if (append_sub(list, self, 0, j) < 0) goto fail;
        if (wf_list_size(list) > 1 && wf_list_reverse(list) < 0) goto fail;
    }
    wf_mem_free(tmp);
    return list;
fail:
    wf_mem_free(tmp);
    wf_decref(list);
    return NULL;
}

static WfObject *do_split(const char *name, WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames,
                          bool reverse) {
    WfObject *sep = wf_None, *maxobj = NULL;
    if (!kwnames && nargs <= 2) {  // positional only: no parser needed
        if (nargs > 0) sep = args[0];
        if (nargs > 1) maxobj = args[1];
    } else {
        WfArgParser parser = {name, "|OO", {"sep", "maxsplit", NULL}};
        if (wf_arg_parse(args, nargs, kwnames, &parser, &sep, &maxobj) < 0) return NULL;
    }
    wf_ssize maxcount = -1;
    if (maxobj && index_arg(maxobj, &maxcount) < 0) return NULL;
    if (maxcount < 0) maxcount = PTRDIFF_MAX;
    if (sep == wf_None) return reverse ? rsplit_whitespace(self, maxcount) : split_whitespace(self, maxcount);
    if (!wf_str_check(sep)) return wf_err_format(&wf_exc_TypeError, "must be str or None, not %.100s", WF_TYPE(sep)->tp_name);
    if (wf_str_length(sep) == 0) {
        wf_err_set_string(&wf_exc_ValueError, "empty separator");
        return NULL;
    }
    return split_sep(self, sep, maxcount, reverse);
}

WfObject *wf_str_method_split(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return do_split("split", self, args, nargs, kwnames, false);
}

WfObject *wf_str_method_rsplit(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return do_split("rsplit", self, args, nargs, kwnames, true);
}

WfObject *wf_str_method_splitlines(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"splitlines", "|O", {"keepends", NULL}};
    WfObject *ke = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &ke) < 0) return NULL;
    wf_ssize keepends = 0;
    if (ke && index_arg(ke, &keepends) < 0) return NULL;
    wf_ssize len = wf_str_length(self);
    int kind = wf_str_kind(self);
    const void *d = wf_str_data(self);
    WfObject *list = wf_list_new(0);
    if (!list) return NULL;
    for (wf_ssize i = 0, j = 0; i < len;) {
        while (i < len && !wf_unicode_islinebreak(wf_str_read(kind, d, i))) i++;
        wf_ssize eol = i;
        if (i < len) {
            if (wf_str_read(kind, d, i) == '\r' && i + 1 < len && wf_str_read(kind, d, i + 1) == '\n') i += 2;
            else i++;
            if (keepends) eol = i;
        }
        if (append_sub(list, self, j, eol) < 0) {
            wf_decref(list);
            return NULL;
        }
        j = i;
    }
    return list;
}

static WfObject *partition(WfObject *self, WfObject *sep, bool reverse) {
    if (!wf_str_check(sep)) return wf_err_format(&wf_exc_TypeError, "must be str, not %.100s", WF_TYPE(sep)->tp_name);
    if (wf_str_length(sep) == 0) {
        wf_err_set_string(&wf_exc_ValueError, "empty separator");
        return NULL;
    }
    wf_ssize len = wf_str_length(self);
    wf_ssize pos = wf_str_search_find(self, sep, 0, len, reverse ? -1 : 1);
    if (pos == -2) return NULL;
    if (pos < 0) {
        WfObject *whole = wf_str_exact_copy(self);
        if (!whole) return NULL;
        WfObject *r = reverse ? wf_tuple_pack(3, wf_str_empty(), wf_str_empty(), whole)
                              : wf_tuple_pack(3, whole, wf_str_empty(), wf_str_empty());
        wf_decref(whole);
        return r;
    }
    WfObject *items[3];
    items[0] = wf_str_substring(self, 0, pos);
    items[1] = wf_str_exact_copy(sep);
    items[2] = wf_str_substring(self, pos + wf_str_length(sep), len);
    if (!items[0] || !items[1] || !items[2]) {
        for (int k = 0; k < 3; k++) wf_xdecref(items[k]);
        return NULL;
    }
    return wf_tuple_from_array_take(items, 3);
}

WfObject *wf_str_method_partition(WfObject *self, WfObject *sep) { return partition(self, sep, false); }
WfObject *wf_str_method_rpartition(WfObject *self, WfObject *sep) { return partition(self, sep, true); }

// strip: 1 left, 2 right, 3 both.
static WfObject *do_strip(const char *name, WfObject *self, WfObject *const *args, size_t nargs, int striptype) {
    if (wf_arg_check_positional(name, nargs, 0, 1) < 0) return NULL;
    WfObject *chars = nargs ? args[0] : wf_None;
    wf_ssize len = wf_str_length(self), i = 0, j = len;
    int kind = wf_str_kind(self);
    const void *d = wf_str_data(self);
    if (chars == wf_None) {
        if (striptype & 1) while (i < len && is_space_at(kind, d, i)) i++;
        if (striptype & 2) while (j > i && is_space_at(kind, d, j - 1)) j--;
    } else if (wf_str_check(chars)) {
        wf_ssize nc = wf_str_length(chars);
        if (striptype & 1) while (i < len && wf_str_find_char(chars, wf_str_read(kind, d, i), 0, nc) >= 0) i++;
        if (striptype & 2) while (j > i && wf_str_find_char(chars, wf_str_read(kind, d, j - 1), 0, nc) >= 0) j--;
    } else {
        return wf_err_format(&wf_exc_TypeError, "%s arg must be None or str", name);
    }
    return wf_str_substring(self, i, j);
}

WfObject *wf_str_method_strip(WfObject *self, WfObject *const *args, size_t nargs) {
    return do_strip("strip", self, args, nargs, 3);
}
WfObject *wf_str_method_lstrip(WfObject *self, WfObject *const *args, size_t nargs) {
    return do_strip("lstrip", self, args, nargs, 1);
}
WfObject *wf_str_method_rstrip(WfObject *self, WfObject *const *args, size_t nargs) {
    return do_strip("rstrip", self, args, nargs, 2);
}

// replace() when old and new have the same length (CPython's in-place
// variant): one search pass, overwriting a copy of self.
static WfObject *replace_same_length(WfObject *self, WfObject *old, WfObject *new_, wf_ssize maxcount) {
    wf_ssize len = wf_str_length(self), m = wf_str_length(old);
    int kind = wf_str_kind(self);
    char *tmp = NULL;
    bool err = false;
    const char *needle = wf_str_search_needle_as(self, old, &tmp, &err);
    if (!needle) return err ? NULL : wf_str_exact_copy(self);
    const char *src = wf_str_data(self);
    wf_ssize pos = wf_str_search_find_raw(kind, src, 0, len, needle, m, 1);
    if (pos < 0) {
        wf_mem_free(tmp);
        return wf_str_exact_copy(self);
    }
    // The result's maximum class: new's code points are in it (there is a
    // match) and so are all of self's that are not old's; removing old's can
    // lower it only when old is non-ASCII, which the end re-checks.
    uint32_t bs = wf_str_max_char_bound(self), bn = wf_str_max_char_bound(new_);
    WfObject *r = wf_str_new_raw(len, bs > bn ? bs : bn);
    if (!r) {
        wf_mem_free(tmp);
        return NULL;
    }
    char *dst = wf_str_data(r);
    int rkind = wf_str_kind(r);
    wf_str_copy_convert(rkind, dst, kind, src, len);
    const char *nd = wf_str_data(new_);
    int nkind = wf_str_kind(new_);
    while (pos >= 0 && maxcount-- > 0) {
        wf_str_copy_convert(rkind, dst + pos * rkind, nkind, nd, m);
        pos = wf_str_search_find_raw(kind, src, pos + m, len, needle, m, 1);
    }
    wf_mem_free(tmp);
    if (!wf_str_obj(old)->ascii) {
        // Removing non-ASCII text may have narrowed the result (e.g. 'é' -> 'e').
        WfObject *narrow = wf_str_from_kind_data(rkind, dst, len);
        wf_decref(r);
        return narrow;
    }
    return r;
}

WfObject *wf_str_replace(WfObject *self, WfObject *old, WfObject *new_, wf_ssize maxcount) {
    wf_ssize len = wf_str_length(self), oldlen = wf_str_length(old), newlen = wf_str_length(new_);
    if (maxcount < 0) maxcount = PTRDIFF_MAX;
    if (maxcount == 0 || len < oldlen) return wf_str_exact_copy(self);
    if (oldlen == newlen && wf_str_equal(old, new_)) return wf_str_exact_copy(self);
    if (oldlen == newlen && oldlen > 0) return replace_same_length(self, old, new_, maxcount);
    wf_ssize n = oldlen == 0 ? (len + 1 < maxcount ? len + 1 : maxcount) : wf_str_search_count(self, old, 0, len, maxcount);
    if (n < 0) return NULL;
    if (n == 0) return wf_str_exact_copy(self);
    if (newlen > oldlen && n > (PTRDIFF_MAX / 4 - len) / (newlen - oldlen)) {
        wf_err_set_string(&wf_exc_OverflowError, "replace string is too long");
        return NULL;
    }
    wf_ssize total = len + n * (newlen - oldlen);
    int skind = wf_str_kind(self), nkind = wf_str_kind(new_);
    int rkind = skind > nkind ? skind : nkind;
    uint32_t bs = wf_str_max_char_bound(self), bn = newlen ? wf_str_max_char_bound(new_) : 0;
    // Removing only ASCII text cannot lower the maximum below the bound's
    // class, so the result can be built in place; otherwise build wide and
    // narrow afterwards (e.g. "a\u00e9".replace("\u00e9", "b") is ASCII).
    bool exact = wf_str_obj(old)->ascii;
    WfObject *r = NULL;
    char *buf;
    if (exact) {
        r = wf_str_new_raw(total, bs > bn ? bs : bn);
        if (!r) return NULL;
        buf = wf_str_data(r);
        rkind = wf_str_kind(r);
    } else {
        buf = wf_mem_malloc((size_t)(total * rkind) + 1);
        if (!buf) return wf_err_no_memory();
    }
    char *tmp = NULL;
    bool err = false;
    const char *needle = oldlen ? wf_str_search_needle_as(self, old, &tmp, &err) : NULL;
    if (err) goto fail;
    const char *src = wf_str_data(self), *nd = wf_str_data(new_);
    wf_ssize i = 0, o = 0;
    for (wf_ssize k = 0; k < n; k++) {
        wf_ssize pos = oldlen ? wf_str_search_find_raw(skind, src, i, len, needle, oldlen, 1) : i;
        if (pos < 0) break;
        wf_str_copy_convert(rkind, buf + o * rkind, skind, src + i * skind, pos - i);
        o += pos - i;
        wf_str_copy_convert(rkind, buf + o * rkind, nkind, nd, newlen);
        o += newlen;
        if (oldlen) {
            i = pos + oldlen;
        } else {
            if (pos < len) {
                wf_str_copy_convert(rkind, buf + o * rkind, skind, src + pos * skind, 1);
                o++;
            }
            i = pos + 1;
        }
    }
    if (i < len) {
        wf_str_copy_convert(rkind, buf + o * rkind, skind, src + i * skind, len - i);
        o += len - i;
    }
    wf_mem_free(tmp);
    if (exact) return r;
    r = wf_str_from_kind_data(rkind, buf, o);
    wf_mem_free(buf);
    return r;
fail:
    wf_mem_free(tmp);
    if (exact) wf_decref(r);
    else wf_mem_free(buf);
    return NULL;
}

WfObject *wf_str_method_replace(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("replace", nargs, 2, 3) < 0) return NULL;
    for (int k = 0; k < 2; k++)
        if (!wf_str_check(args[k]))
            return wf_err_format(&wf_exc_TypeError, "replace() argument %d must be str, not %.100s", k + 1,
                                 WF_TYPE(args[k])->tp_name);
    wf_ssize count = -1;
    if (nargs > 2 && index_arg(args[2], &count) < 0) return NULL;
    return wf_str_replace(self, args[0], args[1], count);
}

WfObject *wf_str_method_join(WfObject *self, WfObject *iterable) { return wf_str_join(self, iterable); }
