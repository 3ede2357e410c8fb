// str_methods.c — str's method table (names, conventions and CPython's
// docstrings side by side) and the methods that fit nowhere more specific:
// encode, padding (center, ljust, rjust, zfill), expandtabs, removeprefix,
// removesuffix, maketrans, translate, format, format_map, __format__,
// __sizeof__, __getnewargs__.
//
// Invariant: the table is static and immutable; every method leaves `self`
// untouched (str is immutable) and returns a new reference or NULL.
#include <limits.h>

#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// encode

static WfObject *str_encode(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"encode", "|OO", {"encoding", "errors", NULL}};
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
            return wf_err_format(&wf_exc_TypeError, "encode() argument 'encoding' must be str, not %.100s",
                                 WF_TYPE(enc)->tp_name);
        if (!(encoding = wf_str_as_utf8_borrow(enc))) return NULL;
    }
    if (err) {
        if (!wf_str_check(err))
            return wf_err_format(&wf_exc_TypeError, "encode() argument 'errors' must be str, not %.100s",
                                 WF_TYPE(err)->tp_name);
        if (!(errors = wf_str_as_utf8_borrow(err))) return NULL;
    }
    return wf_str_encode(self, encoding, errors);
}

// ---------------------------------------------------------------------------
// Padding

static int width_arg(WfObject *o, wf_ssize *out) {
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

static int fill_arg(WfObject *o, uint32_t *out) {
    if (!wf_str_check(o)) {
        wf_err_format(&wf_exc_TypeError, "The fill character must be a unicode character, not %.100s",
                      WF_TYPE(o)->tp_name);
        return -1;
    }
    if (wf_str_length(o) != 1) {
        wf_err_set_string(&wf_exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *out = wf_str_char_at(o, 0);
    return 0;
}

static WfObject *pad(WfObject *self, wf_ssize left, wf_ssize right, uint32_t fill) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return wf_str_exact_copy(self);
    wf_ssize len = wf_str_length(self);
    if (left > PTRDIFF_MAX / 4 - len - right) {
        wf_err_set_string(&wf_exc_OverflowError, "padded string is too long");
        return NULL;
    }
    // The bound has the kind and asciiness of the real maximum, so the max
    // with the fill character classifies the result correctly.
    uint32_t mx = wf_str_max_char_bound(self);
    if (fill > mx) mx = fill;
    WfObject *r = wf_str_new_raw(left + len + right, mx);
    if (!r) return NULL;
    int kind = wf_str_kind(r), skind = wf_str_kind(self);
    void *d = wf_str_data(r);
    const void *s = wf_str_data(self);
    for (wf_ssize i = 0; i < left; i++) wf_str_write(kind, d, i, fill);
    for (wf_ssize i = 0; i < len; i++) wf_str_write(kind, d, left + i, wf_str_read(skind, s, i));
    for (wf_ssize i = 0; i < right; i++) wf_str_write(kind, d, left + len + i, fill);
    return r;
}

static WfObject *justify(const char *name, WfObject *self, WfObject *const *args, size_t nargs, int how) {
    if (wf_arg_check_positional(name, nargs, 1, 2) < 0) return NULL;
    wf_ssize width;
    uint32_t fill = ' ';
    if (width_arg(args[0], &width) < 0) return NULL;
    if (nargs > 1 && fill_arg(args[1], &fill) < 0) return NULL;
    wf_ssize len = wf_str_length(self);
    if (len >= width) return wf_str_exact_copy(self);
    wf_ssize marg = width - len;
    if (how < 0) return pad(self, 0, marg, fill);
    if (how > 0) return pad(self, marg, 0, fill);
    wf_ssize left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static WfObject *str_center(WfObject *self, WfObject *const *args, size_t nargs) {
    return justify("center", self, args, nargs, 0);
}
static WfObject *str_ljust(WfObject *self, WfObject *const *args, size_t nargs) {
    return justify("ljust", self, args, nargs, -1);
}
static WfObject *str_rjust(WfObject *self, WfObject *const *args, size_t nargs) {
    return justify("rjust", self, args, nargs, 1);
}

static WfObject *str_zfill(WfObject *self, WfObject *arg) {
    wf_ssize width;
    if (width_arg(arg, &width) < 0) return NULL;
    wf_ssize len = wf_str_length(self);
    if (len >= width) return wf_str_exact_copy(self);
    wf_ssize fill = width - len;
    WfObject *r = pad(self, fill, 0, '0');
    if (!r) return NULL;
    int kind = wf_str_kind(r);
    void *d = wf_str_data(r);
    uint32_t c = wf_str_read(kind, d, fill);
    if (c == '+' || c == '-') {
        wf_str_write(kind, d, 0, c);
        wf_str_write(kind, d, fill, '0');
    }
    return r;
}

static WfObject *str_expandtabs(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"expandtabs", "|O", {"tabsize", NULL}};
    WfObject *ts = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &ts) < 0) return NULL;
    wf_ssize tabsize = 8;
    if (ts && width_arg(ts, &tabsize) < 0) return NULL;
    wf_ssize len = wf_str_length(self);
    if (wf_str_find_char(self, '\t', 0, len) < 0) return wf_str_exact_copy(self);
    int kind = wf_str_kind(self);
    const void *d = wf_str_data(self);
    WfStrBuilder b;
    wf_str_builder_init(&b);
    wf_ssize line_pos = 0;
    for (wf_ssize i = 0; i < len; i++) {
        uint32_t ch = wf_str_read(kind, d, i);
        if (ch == '\t') {
            if (tabsize > 0) {
                wf_ssize incr = tabsize - (line_pos % tabsize);
                if (wf_str_builder_append_repeat(&b, ' ', incr) < 0) goto fail;
                line_pos += incr;
            }
        } else {
            if (wf_str_builder_append_char(&b, ch) < 0) goto fail;
            line_pos++;
            if (ch == '\n' || ch == '\r') line_pos = 0;
        }
    }
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    return NULL;
}

// ---------------------------------------------------------------------------
// removeprefix / removesuffix

static WfObject *remove_affix(const char *name, WfObject *self, WfObject *affix, bool prefix) {
    if (!wf_str_check(affix))
        return wf_err_format(&wf_exc_TypeError, "%s() argument must be str, not %.100s", name, WF_TYPE(affix)->tp_name);
    wf_ssize len = wf_str_length(self), n = wf_str_length(affix);
    if (n > 0 && n <= len) {
        wf_ssize at = prefix ? 0 : len - n;
        WfObject *part = wf_str_substring(self, at, at + n);
        if (!part) return NULL;
        bool eq = wf_str_equal(part, affix);
        wf_decref(part);
        if (eq) return prefix ? wf_str_substring(self, n, len) : wf_str_substring(self, 0, len - n);
    }
    return wf_str_exact_copy(self);
}

static WfObject *str_removeprefix(WfObject *self, WfObject *arg) { return remove_affix("removeprefix", self, arg, true); }
static WfObject *str_removesuffix(WfObject *self, WfObject *arg) { return remove_affix("removesuffix", self, arg, false); }

// ---------------------------------------------------------------------------
// maketrans / translate

static WfObject *str_maketrans(WfObject *unused, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("maketrans", nargs, 1, 3) < 0) return NULL;
    WfObject *x = args[0];
    WfObject *d = wf_dict_new();
    if (!d) return NULL;
    if (nargs >= 2) {
        WfObject *y = args[1], *z = nargs > 2 ? args[2] : NULL;
        if (!wf_str_check(y)) {
            wf_err_format(&wf_exc_TypeError, "maketrans() argument 2 must be str, not %.100s", WF_TYPE(y)->tp_name);
            goto fail;
        }
        if (z && !wf_str_check(z)) {
            wf_err_format(&wf_exc_TypeError, "maketrans() argument 3 must be str, not %.100s", WF_TYPE(z)->tp_name);
            goto fail;
        }
        if (!wf_str_check(x)) {
            wf_err_set_string(&wf_exc_TypeError, "first maketrans argument must be a string if there is a second argument");
            goto fail;
        }
        if (wf_str_length(x) != wf_str_length(y)) {
            wf_err_set_string(&wf_exc_ValueError, "the first two maketrans arguments must have equal length");
            goto fail;
        }
        for (wf_ssize i = 0; i < wf_str_length(x); i++) {
            WfObject *k = wf_int_from_ssize(wf_str_char_at(x, i)), *v = wf_int_from_ssize(wf_str_char_at(y, i));
            int r = k && v ? wf_dict_set_item(d, k, v) : -1;
            wf_xdecref(k);
            wf_xdecref(v);
            if (r < 0) goto fail;
        }
        if (z) {
            for (wf_ssize i = 0; i < wf_str_length(z); i++) {
                WfObject *k = wf_int_from_ssize(wf_str_char_at(z, i));
                int r = k ? wf_dict_set_item(d, k, wf_None) : -1;
                wf_xdecref(k);
                if (r < 0) goto fail;
            }
        }
        return d;
    }
    if (!wf_dict_check(x)) {
        wf_err_set_string(&wf_exc_TypeError, "if you give only one argument to maketrans it must be a dict");
        goto fail;
    }
    wf_ssize pos = 0;
    WfObject *k, *v;
    while (wf_dict_next(x, &pos, &k, &v)) {
        if (wf_str_check(k)) {
            if (wf_str_length(k) != 1) {
                wf_err_set_string(&wf_exc_ValueError, "string keys in translate table must be of length 1");
                goto fail;
            }
            WfObject *ik = wf_int_from_ssize(wf_str_char_at(k, 0));
            int r = ik ? wf_dict_set_item(d, ik, v) : -1;
            wf_xdecref(ik);
            if (r < 0) goto fail;
        } else if (wf_int_check(k)) {
            if (wf_dict_set_item(d, k, v) < 0) goto fail;
        } else {
            wf_err_set_string(&wf_exc_TypeError, "keys in translate table must be strings or integers");
            goto fail;
        }
    }
    return d;
fail:
    wf_decref(d);
    return NULL;
}

// table[ch] for translate: 1 found (*v new reference), 0 no mapping, -1 error.
// An exact dict is looked up without raising KeyError for every miss.
static int translate_lookup(WfObject *table, uint32_t ch, WfObject **v) {
    WfObject *key = wf_smallint_new((intptr_t)ch);  // always fits
    if (wf_dict_check_exact(table)) return wf_dict_get_item_ref(table, key, v);
    *v = wf_object_getitem(table, key);
    if (*v) return 1;
    if (!wf_err_matches(&wf_exc_LookupError)) return -1;
    wf_err_clear();
    return 0;
}

// Per-call cache of what an ASCII character maps to (CPython caches the same
// way): the code point, or one of these.
enum { TR_UNKNOWN = -1, TR_DELETE = -2, TR_COMPLEX = -3 };

static WfObject *str_translate(WfObject *self, WfObject *table) {
    wf_ssize len = wf_str_length(self);
    int kind = wf_str_kind(self);
    const void *data = wf_str_data(self);
    int32_t cache[128];
    for (int i = 0; i < 128; i++) cache[i] = TR_UNKNOWN;
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (wf_str_builder_reserve(&b, len) < 0) return NULL;
    for (wf_ssize i = 0; i < len; i++) {
        uint32_t ch = wf_str_read(kind, data, i);
        if (ch < 128 && cache[ch] != TR_UNKNOWN && cache[ch] != TR_COMPLEX) {
            if (cache[ch] != TR_DELETE && wf_str_builder_append_char(&b, (uint32_t)cache[ch]) < 0) goto fail;
            continue;
        }
        WfObject *v;
        int found = translate_lookup(table, ch, &v);
        if (found < 0) goto fail;
        if (!found) {
            if (ch < 128 && wf_dict_check_exact(table)) cache[ch] = (int32_t)ch;
            if (wf_str_builder_append_char(&b, ch) < 0) goto fail;
            continue;
        }
        int r = 0;
        int32_t cached = TR_COMPLEX;
        if (v == wf_None) {
            cached = TR_DELETE;  // deleted
        } else if (wf_int_check(v)) {
            long long c = wf_int_as_long_long(v);
            if (c == -1 && wf_err_occurred()) r = -1;
            else if (c < 0 || c > 0x10ffff) {
                wf_err_set_string(&wf_exc_ValueError, "character mapping must be in range(0x110000)");
                r = -1;
            } else {
                r = wf_str_builder_append_char(&b, (uint32_t)c);
                cached = (int32_t)c;
            }
        } else if (wf_str_check(v)) {
            r = wf_str_builder_append_str(&b, v);
            if (wf_str_length(v) == 1) cached = (int32_t)wf_str_char_at(v, 0);
            else if (wf_str_length(v) == 0) cached = TR_DELETE;
        } else {
            wf_err_set_string(&wf_exc_TypeError, "character mapping must return integer, None or str");
            r = -1;
        }
        wf_decref(v);
        if (r < 0) goto fail;
        // Only an exact dict is known to answer the same way twice (other
        // mappings may run code with side effects on each lookup).
        if (ch < 128 && wf_dict_check_exact(table)) cache[ch] = cached;
    }
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    return NULL;
}

// ---------------------------------------------------------------------------
// Formatting entry points

static WfObject *str_format(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return wf_str_format_method(self, args, nargs, kwnames);
}

static WfObject *str_format_map(WfObject *self, WfObject *mapping) { return wf_str_format_map(self, mapping); }

static WfObject *str_dunder_format(WfObject *self, WfObject *spec) {
    if (!wf_str_check(spec))
        return wf_err_format(&wf_exc_TypeError, "__format__() argument must be str, not %.100s", WF_TYPE(spec)->tp_name);
    return wf_format_str(self, spec);
}

static WfObject *str_sizeof(WfObject *self, WfObject *unused) {
    WfStrObject *s = wf_str_obj(self);
    wf_ssize size = (wf_ssize)wf_str_header_size(s->ascii) + (s->length + 1) * s->kind;
    if (!s->ascii) {
        WfStrWideObject *w = wf_str_wide(self);
        if (atomic_load_explicit(&w->utf8, memory_order_acquire))
            size += __atomic_load_n(&w->utf8_length, __ATOMIC_RELAXED) + 1;
    }
    return wf_int_from_ssize(size);
}

static WfObject *str_getnewargs(WfObject *self, WfObject *unused) {
    WfObject *copy = wf_str_exact_copy(self);
    if (!copy) return NULL;
    WfObject *r = wf_tuple_pack(1, copy);
    wf_decref(copy);
    return r;
}

// ---------------------------------------------------------------------------
// The table

#define NOARGS WF_METH_NOARGS
#define O WF_METH_O
#define FAST WF_METH_FASTCALL
#define FASTKW (WF_METH_FASTCALL | WF_METH_KEYWORDS)

const WfMethodDef wf_str_methods[] = {
    WF_METHOD("encode", str_encode, FASTKW,
              "encode($self, /, encoding='utf-8', errors='strict')\n--\n\n"
              "Encode the string using the codec registered for encoding."),
    WF_METHOD("replace", wf_str_method_replace, FAST,
              "replace($self, old, new, count=-1, /)\n--\n\n"
              "Return a copy with all occurrences of substring old replaced by new."),
    WF_METHOD("split", wf_str_method_split, FASTKW,
              "split($self, /, sep=None, maxsplit=-1)\n--\n\n"
              "Return a list of the substrings in the string, using sep as the separator string."),
    WF_METHOD("rsplit", wf_str_method_rsplit, FASTKW,
              "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\n"
              "Return a list of the substrings in the string, using sep as the separator string."),
    WF_METHOD("join", wf_str_method_join, O,
              "join($self, iterable, /)\n--\n\n"
              "Concatenate any number of strings."),
    WF_METHOD("capitalize", wf_str_method_capitalize, NOARGS,
              "capitalize($self, /)\n--\n\nReturn a capitalized version of the string."),
    WF_METHOD("casefold", wf_str_method_casefold, NOARGS,
              "casefold($self, /)\n--\n\nReturn a version of the string suitable for caseless comparisons."),
    WF_METHOD("title", wf_str_method_title, NOARGS,
              "title($self, /)\n--\n\nReturn a version of the string where each word is titlecased."),
    WF_METHOD("center", str_center, FAST,
              "center($self, width, fillchar=' ', /)\n--\n\n"
              "Return a centered string of length width."),
    WF_METHOD("count", wf_str_method_count, FAST,
              "S.count(sub[, start[, end]]) -> int\n\n"
              "Return the number of non-overlapping occurrences of substring sub in\n"
              "string S[start:end].  Optional arguments start and end are\n"
              "interpreted as in slice notation."),
    WF_METHOD("expandtabs", str_expandtabs, FASTKW,
              "expandtabs($self, /, tabsize=8)\n--\n\n"
              "Return a copy where all tab characters are expanded using spaces."),
    WF_METHOD("find", wf_str_method_find, FAST,
              "S.find(sub[, start[, end]]) -> int\n\n"
              "Return the lowest index in S where substring sub is found,\n"
              "such that sub is contained within S[start:end].  Optional\n"
              "arguments start and end are interpreted as in slice notation.\n\n"
              "Return -1 on failure."),
    WF_METHOD("partition", wf_str_method_partition, O,
              "partition($self, sep, /)\n--\n\n"
              "Partition the string into three parts using the given separator."),
    WF_METHOD("index", wf_str_method_index, FAST,
              "S.index(sub[, start[, end]]) -> int\n\n"
              "Return the lowest index in S where substring sub is found,\n"
              "such that sub is contained within S[start:end].  Optional\n"
              "arguments start and end are interpreted as in slice notation.\n\n"
              "Raises ValueError when the substring is not found."),
    WF_METHOD("ljust", str_ljust, FAST,
              "ljust($self, width, fillchar=' ', /)\n--\n\n"
              "Return a left-justified string of length width."),
    WF_METHOD("lower", wf_str_method_lower, NOARGS,
              "lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase."),
    WF_METHOD("lstrip", wf_str_method_lstrip, FAST,
              "lstrip($self, chars=None, /)\n--\n\n"
              "Return a copy of the string with leading whitespace removed."),
    WF_METHOD("rfind", wf_str_method_rfind, FAST,
              "S.rfind(sub[, start[, end]]) -> int\n\n"
              "Return the highest index in S where substring sub is found,\n"
              "such that sub is contained within S[start:end].  Optional\n"
              "arguments start and end are interpreted as in slice notation.\n\n"
              "Return -1 on failure."),
    WF_METHOD("rindex", wf_str_method_rindex, FAST,
              "S.rindex(sub[, start[, end]]) -> int\n\n"
              "Return the highest index in S where substring sub is found,\n"
              "such that sub is contained within S[start:end].  Optional\n"
              "arguments start and end are interpreted as in slice notation.\n\n"
              "Raises ValueError when the substring is not found."),
    WF_METHOD("rjust", str_rjust, FAST,
              "rjust($self, width, fillchar=' ', /)\n--\n\n"
              "Return a right-justified string of length width."),
    WF_METHOD("rstrip", wf_str_method_rstrip, FAST,
              "rstrip($self, chars=None, /)\n--\n\n"
              "Return a copy of the string with trailing whitespace removed."),
    WF_METHOD("rpartition", wf_str_method_rpartition, O,
              "rpartition($self, sep, /)\n--\n\n"
              "Partition the string into three parts using the given separator."),
    WF_METHOD("splitlines", wf_str_method_splitlines, FASTKW,
              "splitlines($self, /, keepends=False)\n--\n\n"
              "Return a list of the lines in the string, breaking at line boundaries."),
    WF_METHOD("strip", wf_str_method_strip, FAST,
              "strip($self, chars=None, /)\n--\n\n"
              "Return a copy of the string with leading and trailing whitespace removed."),
    WF_METHOD("swapcase", wf_str_method_swapcase, NOARGS,
              "swapcase($self, /)\n--\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase."),
    WF_METHOD("translate", str_translate, O,
              "translate($self, table, /)\n--\n\n"
              "Replace each character in the string using the given translation table."),
    WF_METHOD("upper", wf_str_method_upper, NOARGS,
              "upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase."),
    WF_METHOD("startswith", wf_str_method_startswith, FAST,
              "S.startswith(prefix[, start[, end]]) -> bool\n\n"
              "Return True if S starts with the specified prefix, False otherwise.\n"
              "With optional start, test S beginning at that position.\n"
              "With optional end, stop comparing S at that position.\n"
              "prefix can also be a tuple of strings to try."),
    WF_METHOD("endswith", wf_str_method_endswith, FAST,
              "S.endswith(suffix[, start[, end]]) -> bool\n\n"
              "Return True if S ends with the specified suffix, False otherwise.\n"
              "With optional start, test S beginning at that position.\n"
              "With optional end, stop comparing S at that position.\n"
              "suffix can also be a tuple of strings to try."),
    WF_METHOD("removeprefix", str_removeprefix, O,
              "removeprefix($self, prefix, /)\n--\n\n"
              "Return a str with the given prefix string removed if present."),
    WF_METHOD("removesuffix", str_removesuffix, O,
              "removesuffix($self, suffix, /)\n--\n\n"
              "Return a str with the given suffix string removed if present."),
    WF_METHOD("isascii", wf_str_method_isascii, NOARGS,
              "isascii($self, /)\n--\n\nReturn True if all characters in the string are ASCII, False otherwise."),
    WF_METHOD("islower", wf_str_method_islower, NOARGS,
              "islower($self, /)\n--\n\nReturn True if the string is a lowercase string, False otherwise."),
    WF_METHOD("isupper", wf_str_method_isupper, NOARGS,
              "isupper($self, /)\n--\n\nReturn True if the string is an uppercase string, False otherwise."),
    WF_METHOD("istitle", wf_str_method_istitle, NOARGS,
              "istitle($self, /)\n--\n\nReturn True if the string is a title-cased string, False otherwise."),
    WF_METHOD("isspace", wf_str_method_isspace, NOARGS,
              "isspace($self, /)\n--\n\nReturn True if the string is a whitespace string, False otherwise."),
    WF_METHOD("isdecimal", wf_str_method_isdecimal, NOARGS,
              "isdecimal($self, /)\n--\n\nReturn True if the string is a decimal string, False otherwise."),
    WF_METHOD("isdigit", wf_str_method_isdigit, NOARGS,
              "isdigit($self, /)\n--\n\nReturn True if the string is a digit string, False otherwise."),
    WF_METHOD("isnumeric", wf_str_method_isnumeric, NOARGS,
              "isnumeric($self, /)\n--\n\nReturn True if the string is a numeric string, False otherwise."),
    WF_METHOD("isalpha", wf_str_method_isalpha, NOARGS,
              "isalpha($self, /)\n--\n\nReturn True if the string is an alphabetic string, False otherwise."),
    WF_METHOD("isalnum", wf_str_method_isalnum, NOARGS,
              "isalnum($self, /)\n--\n\nReturn True if the string is an alpha-numeric string, False otherwise."),
    WF_METHOD("isidentifier", wf_str_method_isidentifier, NOARGS,
              "isidentifier($self, /)\n--\n\nReturn True if the string is a valid Python identifier, False otherwise."),
    WF_METHOD("isprintable", wf_str_method_isprintable, NOARGS,
              "isprintable($self, /)\n--\n\nReturn True if the string is printable, False otherwise."),
    WF_METHOD("zfill", str_zfill, O,
              "zfill($self, width, /)\n--\n\n"
              "Pad a numeric string with zeros on the left, to fill a field of the given width."),
    WF_METHOD("format", str_format, FASTKW,
              "S.format(*args, **kwargs) -> str\n\n"
              "Return a formatted version of S, using substitutions from args and kwargs.\n"
              "The substitutions are identified by braces ('{' and '}')."),
    WF_METHOD("format_map", str_format_map, O,
              "S.format_map(mapping) -> str\n\n"
              "Return a formatted version of S, using substitutions from mapping.\n"
              "The substitutions are identified by braces ('{' and '}')."),
    WF_METHOD("__format__", str_dunder_format, O,
              "__format__($self, format_spec, /)\n--\n\nReturn a formatted version of the string as described by format_spec."),
    WF_METHOD("maketrans", str_maketrans, FAST | WF_METH_STATIC,
              "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\n"
              "Return a translation table usable for str.translate()."),
    WF_METHOD("__sizeof__", str_sizeof, NOARGS,
              "__sizeof__($self, /)\n--\n\nReturn the size of the string in memory, in bytes."),
    WF_METHOD("__getnewargs__", str_getnewargs, NOARGS, NULL),
    WF_METHOD_END,
};
