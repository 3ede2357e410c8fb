// str_format_method.c — str.format() and str.format_map(): CPython's
// MarkupIterator / field-name parser (Objects/stringlib/unicode_format.h):
// literal text with {{ }} escapes, fields {name.attr[key]!conv:spec} with
// automatic or manual numbering and one level of nested specs.
//
// Invariant: parsing works on [start, end) ranges of the immutable format
// string; auto-numbering state is shared between a field and its nested spec.
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"
#include "objects/tuple.h"
#include "runtime/error.h"

typedef struct {
    WfObject *str;
    wf_ssize start, end;
} SubString;

enum { ANS_INIT, ANS_AUTO, ANS_MANUAL };
typedef struct {
    int state;
    wf_ssize field_number;
} AutoNumber;

typedef struct {
    WfObject *const *args;  // str.format's positional arguments; NULL for format_map
    wf_ssize nargs;
    WfObject *kwnames;      // str.format: names of the keyword arguments args[nargs + i], or NULL
    WfObject *mapping;      // format_map's mapping, or NULL
    AutoNumber auto_number;
} FormatCtx;

static uint32_t ss_read(const SubString *s, wf_ssize i) { return wf_str_char_at(s->str, i); }

// Whether the substring's text equals the str `name`.
static bool ss_equal(const SubString *s, WfObject *name) {
    wf_ssize n = s->end - s->start;
    if (n != wf_str_length(name)) return false;
    int k1 = wf_str_kind(s->str), k2 = wf_str_kind(name);
    const char *d1 = (const char *)wf_str_data(s->str) + s->start * k1;
    if (k1 == k2) return memcmp(d1, wf_str_data(name), (size_t)(n * k1)) == 0;
    for (wf_ssize i = 0; i < n; i++)
        if (wf_str_read(k1, d1, i) != wf_str_char_at(name, i)) return false;
    return true;
}

static WfObject *ss_new_object(const SubString *s) { return wf_str_substring(s->str, s->start, s->end); }

// Decimal value of the whole substring, -1 if it is not all digits (or
// empty), -2 on overflow (ValueError set).
static wf_ssize ss_get_integer(const SubString *s) {
    if (s->start >= s->end) return -1;
    wf_ssize acc = 0;
    for (wf_ssize i = s->start; i < s->end; i++) {
        int d = wf_unicode_decimal(ss_read(s, i));
        if (d < 0) return -1;
        if (acc > (PTRDIFF_MAX - d) / 10) {
            wf_err_set_string(&wf_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

static int autonumber_state_error(int state, bool field_name_is_empty) {
    if (state == ANS_MANUAL) {
        if (field_name_is_empty) {
            wf_err_set_string(&wf_exc_ValueError,
                              "cannot switch from manual field specification to automatic field numbering");
            return 1;
        }
    } else if (!field_name_is_empty) {
        wf_err_set_string(&wf_exc_ValueError,
                          "cannot switch from automatic field numbering to manual field specification");
        return 1;
    }
    return 0;
}

// Iterates ".name" and "[key]" parts (CPython's FieldNameIterator_next):
// returns 2 with a part, 1 at the end, 0 on error.
static int field_name_next(SubString *rest, bool *is_attribute, wf_ssize *index, SubString *name) {
    if (rest->start >= rest->end) return 1;
    uint32_t c = ss_read(rest, rest->start++);
    name->str = rest->str;
    name->start = rest->start;
    if (c == '.') {
        *is_attribute = true;
        while (rest->start < rest->end) {
            uint32_t ch = ss_read(rest, rest->start);
            if (ch == '[' || ch == '.') break;
            rest->start++;
        }
        name->end = rest->start;
        *index = -1;
    } else if (c == '[') {
        *is_attribute = false;
        bool bracket_seen = false;
        while (rest->start < rest->end) {
            if (ss_read(rest, rest->start++) == ']') {
                bracket_seen = true;
                break;
            }
        }
        if (!bracket_seen) {
            wf_err_set_string(&wf_exc_ValueError, "Missing ']' in format string");
            return 0;
        }
        name->end = rest->start - 1;
        *index = ss_get_integer(name);
        if (*index == -2) return 0;
    } else {
        wf_err_set_string(&wf_exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        return 0;
    }
    if (name->start == name->end) {
        wf_err_set_string(&wf_exc_ValueError, "Empty attribute in format string");
        return 0;
    }
    return 2;
}

static WfObject *get_field_object(const SubString *input, FormatCtx *ctx) {
    wf_ssize i = input->start;
    while (i < input->end) {
        uint32_t c = ss_read(input, i);
        if (c == '[' || c == '.') break;
        i++;
    }
    SubString first = {input->str, input->start, i};
    SubString rest = {input->str, i, input->end};
    wf_ssize index = ss_get_integer(&first);
    if (index == -2) return NULL;
    bool empty = first.start >= first.end;
    bool numeric = empty || index != -1;
    AutoNumber *an = &ctx->auto_number;
    if (an->state == ANS_INIT && numeric) an->state = empty ? ANS_AUTO : ANS_MANUAL;
    if (numeric && autonumber_state_error(an->state, empty)) return NULL;
    if (empty) index = an->field_number++;

    WfObject *obj = NULL;
    if (index == -1) {
        // str.format's keyword arguments are matched by name without building
        // a dict (same result: the names are distinct strs).
        wf_ssize nkw = ctx->kwnames ? wf_tuple_size(ctx->kwnames) : 0;
        for (wf_ssize k = 0; k < nkw && !obj; k++)
            if (ss_equal(&first, wf_tuple_get_borrow(ctx->kwnames, k))) obj = wf_newref(ctx->args[ctx->nargs + k]);
        if (!obj) {
            WfObject *key = ss_new_object(&first);
            if (!key) return NULL;
            if (!ctx->mapping) {
                WfObject *t = wf_tuple_pack(1, key);
                if (t) {
                    wf_err_set_object(&wf_exc_KeyError, t);
                    wf_decref(t);
                }
                wf_decref(key);
                return NULL;
            }
            obj = wf_object_getitem(ctx->mapping, key);
            wf_decref(key);
            if (!obj) return NULL;
        }
    } else {
        if (!ctx->args) {
            wf_err_set_string(&wf_exc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (index >= ctx->nargs) {
            return wf_err_format(&wf_exc_IndexError, "Replacement index %zd out of range for positional args tuple",
                                 index);
        }
        obj = wf_newref(ctx->args[index]);
    }
    for (;;) {
        bool is_attr;
        wf_ssize idx;
        SubString name;
        int ok = field_name_next(&rest, &is_attr, &idx, &name);
        if (ok == 1) return obj;
        if (ok == 0) {
            wf_decref(obj);
            return NULL;
        }
        WfObject *tmp;
        WfObject *key = (idx == -1) ? ss_new_object(&name) : wf_int_from_ssize(idx);
        if (!key) {
            wf_decref(obj);
            return NULL;
        }
        tmp = is_attr ? wf_object_getattr(obj, key) : wf_object_getitem(obj, key);
        wf_decref(key);
        wf_decref(obj);
        if (!tmp) return NULL;
        obj = tmp;
    }
}

static int build_string(WfStrBuilder *out, const SubString *input, FormatCtx *ctx, int recursion_depth);

// parse_field: splits "name!c:spec}" ; *str advanced past the closing '}'.
static int parse_field(SubString *str, SubString *field_name, SubString *format_spec, bool *needs_expanding,
                       uint32_t *conversion) {
    uint32_t c = 0;
    *conversion = 0;
    format_spec->str = str->str;
    format_spec->start = format_spec->end = 0;
    field_name->str = str->str;
    field_name->start = str->start;
    while (str->start < str->end) {
        c = ss_read(str, str->start++);
        if (c == '{') {
            wf_err_set_string(&wf_exc_ValueError, "unexpected '{' in field name");
            return 0;
        }
        if (c == '[') {
            for (; str->start < str->end; str->start++)
                if (ss_read(str, str->start) == ']') break;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    field_name->end = str->start - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (str->start >= str->end) {
                wf_err_set_string(&wf_exc_ValueError, "end of string while looking for conversion specifier");
                return 0;
            }
            *conversion = ss_read(str, str->start++);
            if (str->start < str->end) {
                c = ss_read(str, str->start++);
                if (c == '}') return 1;
                if (c != ':') {
                    wf_err_set_string(&wf_exc_ValueError, "expected ':' after conversion specifier");
                    return 0;
                }
            }
        }
        format_spec->start = str->start;
        int count = 1;
        while (str->start < str->end) {
            c = ss_read(str, str->start++);
            if (c == '{') {
                *needs_expanding = true;
                count++;
            } else if (c == '}') {
                count--;
                if (count == 0) {
                    format_spec->end = str->start - 1;
                    return 1;
                }
            }
        }
        wf_err_set_string(&wf_exc_ValueError, "unmatched '{' in format spec");
        return 0;
    }
    if (c != '}') {
        wf_err_set_string(&wf_exc_ValueError, "expected '}' before end of string");
        return 0;
    }
    return 1;
}

static WfObject *do_conversion(WfObject *obj, uint32_t conversion) {
    switch (conversion) {
    case 'r': return wf_object_repr(obj);
    case 's': return wf_object_str(obj);
    case 'a': return wf_object_ascii(obj);
    default:
        if (conversion > 32 && conversion < 127)
            return wf_err_format(&wf_exc_ValueError, "Unknown conversion specifier %c", (int)conversion);
        return wf_err_format(&wf_exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conversion);
    }
}

static int output_markup(WfStrBuilder *out, SubString *field_name, SubString *format_spec, bool needs_expanding,
                         uint32_t conversion, FormatCtx *ctx, int recursion_depth) {
    WfObject *obj = get_field_object(field_name, ctx);
    if (!obj) return -1;
    if (conversion) {
        WfObject *tmp = do_conversion(obj, conversion);
        wf_decref(obj);
        if (!tmp) return -1;
        obj = tmp;
    }
    WfObject *spec;
    if (needs_expanding) {
        WfStrBuilder sb;
        wf_str_builder_init(&sb);
        if (build_string(&sb, format_spec, ctx, recursion_depth - 1) < 0) {
            wf_str_builder_discard(&sb);
            wf_decref(obj);
            return -1;
        }
        spec = wf_str_builder_finish(&sb);
    } else {
        spec = ss_new_object(format_spec);
    }
    if (!spec) {
        wf_decref(obj);
        return -1;
    }
    WfObject *formatted;
    if (wf_str_length(spec) == 0 && wf_str_check_exact(obj)) formatted = wf_newref(obj);
    else formatted = wf_format_value(obj, spec);
    wf_decref(spec);
    wf_decref(obj);
    if (!formatted) return -1;
    int r = wf_str_builder_append_str(out, formatted);
    wf_decref(formatted);
    return r;
}

static int build_string(WfStrBuilder *out, const SubString *input, FormatCtx *ctx, int recursion_depth) {
    if (recursion_depth <= 0) {
        wf_err_set_string(&wf_exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    SubString it = *input;
    while (it.start < it.end) {
        // Literal text up to the first '{' or '}'.
        wf_ssize start = it.start;
        uint32_t c = 0;
        bool markup_follows = false;
        if (wf_str_kind(it.str) == 1) {
            const uint8_t *d = wf_str_data(it.str);
            while (it.start < it.end) {
                c = d[it.start++];
                if (c == '{' || c == '}') {
                    markup_follows = true;
                    break;
                }
            }
        } else {
            while (it.start < it.end) {
                c = ss_read(&it, it.start++);
                if (c == '{' || c == '}') {
                    markup_follows = true;
                    break;
                }
            }
        }
        bool at_end = it.start >= it.end;
        wf_ssize len = it.start - start;
        if (c == '}' && markup_follows && (at_end || c != ss_read(&it, it.start))) {
            wf_err_set_string(&wf_exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (at_end && c == '{' && markup_follows) {
            wf_err_set_string(&wf_exc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (!at_end && markup_follows) {
            if (c == ss_read(&it, it.start)) {
                it.start++;  // escaped {{ or }}: literal text only
                markup_follows = false;
            } else {
                len--;
            }
        }
        if (wf_str_builder_append_substring(out, it.str, start, start + len) < 0) return -1;
        if (!markup_follows) continue;
        SubString field_name, format_spec;
        bool needs_expanding = false;
        uint32_t conversion;
        if (!parse_field(&it, &field_name, &format_spec, &needs_expanding, &conversion)) return -1;
        if (output_markup(out, &field_name, &format_spec, needs_expanding, conversion, ctx, recursion_depth) < 0)
            return -1;
    }
    return 0;
}

static WfObject *do_format(WfObject *fmt, FormatCtx *ctx) {
    SubString input = {fmt, 0, wf_str_length(fmt)};
    WfStrBuilder out;
    wf_str_builder_init(&out);
    if (wf_str_builder_reserve(&out, input.end + 16) < 0 || build_string(&out, &input, ctx, 2) < 0) {
        wf_str_builder_discard(&out);
        return NULL;
    }
    return wf_str_builder_finish(&out);
}

WfObject *wf_str_format_method(WfObject *fmt, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static WfObject *const no_args[1] = {NULL};
    FormatCtx ctx = {args ? args : no_args, (wf_ssize)nargs, kwnames && wf_tuple_size(kwnames) ? kwnames : NULL,
                     NULL, {ANS_INIT, 0}};
    return do_format(fmt, &ctx);
}

WfObject *wf_str_format_map(WfObject *fmt, WfObject *mapping) {
    FormatCtx ctx = {NULL, 0, NULL, mapping, {ANS_INIT, 0}};
    return do_format(fmt, &ctx);
}
