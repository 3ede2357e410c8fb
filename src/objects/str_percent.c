// str_percent.c — printf-style formatting, str % args (CPython's
// PyUnicode_Format): %s %r %a %d %i %u %o %x %X %e %E %f %F %g %G %c %%,
// flags '-+ #0', width, precision, '*', and %(key)s mapping keys.
//
// Invariant: the format string is scanned once; `argidx`/`arglen` follow
// CPython's encoding (arglen -1 and argidx -2 mean "one non-tuple argument,
// not yet used"), so the "not enough"/"not all converted" errors match.
#include <limits.h>
#include <math.h>

#include "objects/float.h"
#include "objects/identifiers.h"
#include "objects/typeobject.h"
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "runtime/error.h"

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    WfObject *fmt;
    int kind;
    const void *data;
    wf_ssize pos, len;
    WfObject *args;      // current args (tuple, single object or a mapping value)
    bool args_owned;
    wf_ssize arglen, argidx;
    WfObject *dict;      // the mapping or NULL
    bool bytes_mode;     // bytes % args: the text is Latin-1 standing for bytes
    WfStrBuilder out;
} Formatter;

typedef struct {
    uint32_t ch;
    int flags;
    wf_ssize width, prec;
    bool sign;
} Arg;

static WfObject *next_arg(Formatter *c) {
    wf_ssize i = c->argidx;
    if (i < c->arglen) {
        c->argidx++;
        if (c->arglen < 0) return c->args;
        return wf_tuple_get_borrow(c->args, i);
    }
    wf_err_set_string(&wf_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

static bool number_check(WfObject *v) {
    if (wf_is_smallint(v)) return true;
    WfNumberMethods *nb = WF_TYPE(v)->tp_as_number;
    return nb && (nb->nb_index || nb->nb_int || nb->nb_float);
}

// _PyUnicode_FormatLong: [-][0x]digits with `prec` minimum digits.
static WfObject *format_long(WfObject *val, bool alt, wf_ssize prec, uint32_t type) {
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    mpz_t z;
    mpz_init(z);
    wf_int_get_mpz(val, z);
    bool neg = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    WfObject *r = NULL;
    char *digits = NULL;
    if (base == 10) {
        WfObject *absval = wf_int_from_mpz(z);
        WfObject *s = absval ? wf_int_to_decimal_string(absval) : NULL;  // applies int_max_str_digits
        wf_xdecref(absval);
        if (!s) goto done;
        wf_ssize n;
        const char *u = wf_str_as_utf8(s, &n);
        digits = u ? wf_mem_strndup(u, (size_t)n) : NULL;
        wf_decref(s);
        if (!digits) goto done;
    } else {
        digits = wf_mem_malloc(mpz_sizeinbase(z, base) + 2);
        if (!digits) {
            wf_err_no_memory();
            goto done;
        }
        mpz_get_str(digits, base, z);
    }
    wf_ssize nd = (wf_ssize)strlen(digits);
    wf_ssize zeros = prec > nd ? prec - nd : 0;
    WfStrBuilder b;
    wf_str_builder_init(&b);
    int rc = 0;
    if (neg) rc = wf_str_builder_append_char(&b, '-');
    if (!rc && alt && base != 10) {
        rc = wf_str_builder_append_char(&b, '0');
        if (!rc) rc = wf_str_builder_append_char(&b, type == 'o' ? 'o' : type);
    }
    if (!rc) rc = wf_str_builder_append_repeat(&b, '0', zeros);
    if (type == 'X')
        for (wf_ssize i = 0; i < nd; i++)
            if (digits[i] >= 'a' && digits[i] <= 'z') digits[i] -= 32;
    if (!rc) rc = wf_str_builder_append_kind_data(&b, 1, digits, nd);
    if (rc < 0) wf_str_builder_discard(&b);
    else r = wf_str_builder_finish(&b);
done:
    wf_mem_free(digits);
    mpz_clear(z);
    return r;
}

static WfObject *format_int_arg(WfObject *v, Arg *a) {
    uint32_t type = a->ch;
    WfObject *iobj;
    if (!number_check(v)) goto wrongtype;
    if (!wf_int_check(v)) {
        iobj = (type == 'o' || type == 'x' || type == 'X') ? wf_number_index(v) : wf_number_long(v);
        if (!iobj) {
            if (wf_err_matches(&wf_exc_TypeError)) {
                wf_err_clear();
                goto wrongtype;
            }
            return NULL;
        }
    } else {
        iobj = wf_newref(v);
    }
    WfObject *r = format_long(iobj, (a->flags & F_ALT) != 0, a->prec, type);
    wf_decref(iobj);
    return r;
wrongtype:
    if (type == 'o' || type == 'x' || type == 'X')
        return wf_err_format(&wf_exc_TypeError, "%%%c format: an integer is required, not %.200s", (int)type,
                             WF_TYPE(v)->tp_name);
    return wf_err_format(&wf_exc_TypeError, "%%%c format: a real number is required, not %.200s", (int)type,
                         WF_TYPE(v)->tp_name);
}

// The text of one conversion: a str, or ASCII bytes in a buffer.
typedef struct {
    WfObject *str;       // owned reference, or NULL
    const char *ascii;   // when str is NULL
    wf_ssize len;
    char buf[80];        // storage for `ascii` (fast paths)
} Text;

static uint32_t text_char_at(const Text *t, wf_ssize i) {
    return t->str ? wf_str_char_at(t->str, i) : (uint8_t)t->ascii[i];
}

static int text_append(WfStrBuilder *w, const Text *t, wf_ssize start, wf_ssize end) {
    if (t->str) return wf_str_builder_append_substring(w, t->str, start, end);
    return wf_str_builder_append_ascii_n(w, t->ascii + start, end - start);
}

// A tagged int's digits (format_long's text) without going through GMP.
static void format_small_int(Text *t, intptr_t x, bool alt, wf_ssize prec, uint32_t type) {
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    const char *digit_chars = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned long long ux = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    char tmp[72];
    int nd = 0;
    do {
        tmp[nd++] = digit_chars[ux % (unsigned)base];
        ux /= (unsigned)base;
    } while (ux);
    char *out = t->buf;
    int k = 0;
    if (x < 0) out[k++] = '-';
    if (alt && base != 10) {
        out[k++] = '0';
        out[k++] = (char)(type == 'o' ? 'o' : type);
    }
    for (wf_ssize z = prec - nd; z > 0; z--) out[k++] = '0';
    while (nd) out[k++] = tmp[--nd];
    t->ascii = out;
    t->len = k;
}

static int format_float_arg(WfObject *v, Arg *a, Text *t) {
    double x = wf_is_smallint(v) || !wf_float_check_exact(v) ? wf_float_as_double(v) : wf_float_value(v);
    if (x == -1.0 && wf_err_occurred()) return -1;
    int prec = a->prec < 0 ? 6 : (int)a->prec;
    if (a->ch == 'f' || a->ch == 'F') {
        bool is_zero;
        int n = wf_format_fixed_digits(x, prec, t->buf + 1, &is_zero);
        if (n >= 0) {
            char *p = t->buf + 1;
            if (prec == 0 && (a->flags & F_ALT)) p[n++] = '.';
            if (signbit(x)) {
                *--p = '-';
                n++;
            }
            t->ascii = p;
            t->len = n;
            return 0;
        }
    }
    char *p = wf_float_to_string(x, (char)a->ch, prec, (a->flags & F_ALT) ? WF_DTOSTR_ALT : 0);
    if (!p) return -1;
    t->len = (wf_ssize)strlen(p);
    t->str = wf_str_from_ascii(p, t->len);
    wf_mem_free(p);
    return t->str ? 0 : -1;
}

static int format_char(WfObject *v, uint32_t *out) {
    if (wf_str_check(v)) {
        if (wf_str_length(v) == 1) {
            *out = wf_str_char_at(v, 0);
            return 0;
        }
        goto error;
    }
    if (!wf_is_smallint(v) && !wf_index_check(v)) goto error;
    int overflow = 0;
    WfObject *i = wf_number_index(v);
    if (!i) return -1;
    long long x = wf_int_as_long_long_overflow(i, &overflow);
    wf_decref(i);
    if (overflow || x < 0 || x > 0x10ffff) {
        wf_err_set_string(&wf_exc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    *out = (uint32_t)x;
    return 0;
error:
    wf_err_set_string(&wf_exc_TypeError, "%c requires int or char");
    return -1;
}

#define READ(c) wf_str_read((c)->kind, (c)->data, (c)->pos)

static int parse_star(Formatter *c, wf_ssize *out, bool is_width) {
    WfObject *v = next_arg(c);
    if (!v) return -1;
    if (!wf_int_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "* wants int");
        return -1;
    }
    wf_ssize x = wf_int_as_ssize(v);
    if (x == -1 && wf_err_occurred()) return -1;
    if (!is_width && x > INT_MAX) {
        wf_err_set_string(&wf_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = x;
    return 0;
}

// Parses one conversion after '%'. 0 ok, -1 error.
static int parse_arg(Formatter *c, Arg *a) {
    if (c->pos < c->len && READ(c) == '(') {
        if (!c->dict) {
            wf_err_set_string(&wf_exc_TypeError, "format requires a mapping");
            return -1;
        }
        c->pos++;
        wf_ssize keystart = c->pos;
        int pcount = 1;
        while (pcount > 0 && c->pos < c->len) {
            uint32_t ch = READ(c);
            if (ch == ')') pcount--;
            else if (ch == '(') pcount++;
            c->pos++;
        }
        if (pcount > 0) {
            wf_err_set_string(&wf_exc_ValueError, "incomplete format key");
            return -1;
        }
        WfObject *key = wf_str_substring(c->fmt, keystart, c->pos - 1);
        if (!key) return -1;
        WfObject *v = wf_object_getitem(c->dict, key);
        wf_decref(key);
        if (!v) return -1;
        if (c->args_owned) wf_decref(c->args);
        c->args = v;
        c->args_owned = true;
        c->arglen = -1;
        c->argidx = -2;
    }
    for (; c->pos < c->len; c->pos++) {
        uint32_t ch = READ(c);
        if (ch == '-') a->flags |= F_LJUST;
        else if (ch == '+') a->flags |= F_SIGN;
        else if (ch == ' ') a->flags |= F_BLANK;
        else if (ch == '#') a->flags |= F_ALT;
        else if (ch == '0') a->flags |= F_ZERO;
        else break;
    }
    if (c->pos < c->len && READ(c) == '*') {
        c->pos++;
        if (parse_star(c, &a->width, true) < 0) return -1;
        if (a->width < 0) {
            a->flags |= F_LJUST;
            a->width = -a->width;
        }
    } else if (c->pos < c->len && READ(c) >= '0' && READ(c) <= '9') {
        a->width = 0;
        while (c->pos < c->len && READ(c) >= '0' && READ(c) <= '9') {
            int digit = (int)(READ(c) - '0');
            if (a->width > (PTRDIFF_MAX - digit) / 10) {
                wf_err_set_string(&wf_exc_ValueError, "width too big");
                return -1;
            }
            a->width = a->width * 10 + digit;
            c->pos++;
        }
    }
    if (c->pos < c->len && READ(c) == '.') {
        c->pos++;
        a->prec = 0;
        if (c->pos < c->len && READ(c) == '*') {
            c->pos++;
            if (parse_star(c, &a->prec, false) < 0) return -1;
            if (a->prec < 0) a->prec = 0;
        } else {
            while (c->pos < c->len && READ(c) >= '0' && READ(c) <= '9') {
                int digit = (int)(READ(c) - '0');
                if (a->prec > (INT_MAX - digit) / 10) {
                    wf_err_set_string(&wf_exc_ValueError, "precision too big");
                    return -1;
                }
                a->prec = a->prec * 10 + digit;
                c->pos++;
            }
        }
    }
    if (c->pos < c->len && (READ(c) == 'h' || READ(c) == 'l' || READ(c) == 'L')) c->pos++;
    if (c->pos >= c->len) {
        wf_err_set_string(&wf_exc_ValueError, "incomplete format");
        return -1;
    }
    a->ch = READ(c);
    c->pos++;
    return 0;
}

// unicode_format_arg_output: sign, '0x' prefix, zero/space padding.
static int output_arg(Formatter *c, Arg *a, const Text *str) {
    WfStrBuilder *w = &c->out;
    uint32_t fill = (a->sign && (a->flags & F_ZERO)) ? '0' : ' ';
    wf_ssize len = str->len;
    if ((a->width == -1 || a->width <= len) && (a->prec == -1 || a->prec >= len) &&
        !(a->flags & (F_SIGN | F_BLANK)))
        return text_append(w, str, 0, len);
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a' || a->ch == 'b') && a->prec >= 0 && len > a->prec) len = a->prec;
    wf_ssize pindex = 0;
    uint32_t signchar = 0;
    if (a->sign) {
        uint32_t ch = len > 0 ? text_char_at(str, 0) : 0;
        if (ch == '-' || ch == '+') {
            signchar = ch;
            len--;
            pindex++;
        } else if (a->flags & F_SIGN) {
            signchar = '+';
        } else if (a->flags & F_BLANK) {
            signchar = ' ';
        } else {
            a->sign = false;
        }
    }
    if (a->width < len) a->width = len;
    if (a->sign) {
        if (fill != ' ' && wf_str_builder_append_char(w, signchar) < 0) return -1;
        if (a->width > len) a->width--;
    }
    bool alt_prefix = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (alt_prefix) {
        if (fill != ' ') {
            if (wf_str_builder_append_char(w, '0') < 0 || wf_str_builder_append_char(w, a->ch) < 0) return -1;
            pindex += 2;
        }
        a->width -= 2;
        if (a->width < 0) a->width = 0;
        len -= 2;
    }
    if (a->width > len && !(a->flags & F_LJUST)) {
        if (wf_str_builder_append_repeat(w, fill, a->width - len) < 0) return -1;
        a->width = len;
    }
    if (fill == ' ') {
        if (a->sign && wf_str_builder_append_char(w, signchar) < 0) return -1;
        if (alt_prefix) {
            if (wf_str_builder_append_char(w, '0') < 0 || wf_str_builder_append_char(w, a->ch) < 0) return -1;
            pindex += 2;
        }
    }
    if (len > 0 && text_append(w, str, pindex, pindex + len) < 0) return -1;
    if (a->width > len && wf_str_builder_append_repeat(w, ' ', a->width - len) < 0) return -1;
    return 0;
}

// %s / %b of bytes formatting: a bytes-like object or __bytes__, as Latin-1 text.
static WfObject *bytes_arg_as_latin1(WfObject *v) {
    WfObject *b = NULL;
    if (!wf_bytes_check(v) && !wf_bytearray_check(v)) {
        int found = 0;
        b = wf_object_call_special(v, WF_ID(__bytes__), NULL, 0, &found);
        if (!found) {
            if (!wf_err_occurred())
                wf_err_format(&wf_exc_TypeError,
                              "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
                              WF_TYPE(v)->tp_name);
            return NULL;
        }
        if (!b) return NULL;
        if (!wf_bytes_check(b)) {
            wf_err_format(&wf_exc_TypeError, "__bytes__ returned non-bytes (type %.200s)", WF_TYPE(b)->tp_name);
            wf_decref(b);
            return NULL;
        }
        v = b;
    }
    const char *d;
    wf_ssize n;
    WfObject *r = wf_bytes_like_get(v, &d, &n) < 0 ? NULL : wf_str_from_latin1(d, n);
    wf_xdecref(b);
    return r;
}

// %c of bytes formatting: an int in range(256) or a single byte.
static int bytes_char(WfObject *v, WfObject **out) {
    if (wf_bytes_check(v) || wf_bytearray_check(v)) {
        const char *d;
        wf_ssize n;
        wf_bytes_like_get(v, &d, &n);
        if (n == 1) {
            *out = wf_str_from_char((unsigned char)d[0]);
            return 0;
        }
    } else if (wf_is_smallint(v) || wf_index_check(v)) {
        int overflow = 0;
        WfObject *i = wf_number_index(v);
        if (!i) return -1;
        long long x = wf_int_as_long_long_overflow(i, &overflow);
        wf_decref(i);
        if (overflow || x < 0 || x > 255) {
            wf_err_set_string(&wf_exc_OverflowError, "%c arg not in range(256)");
            return -1;
        }
        *out = wf_str_from_char((uint32_t)x);
        return 0;
    }
    wf_err_set_string(&wf_exc_TypeError, "%c requires an integer in range(256) or a single byte");
    return -1;
}

static int format_one(Formatter *c) {
    if (c->pos < c->len && READ(c) == '%') {
        c->pos++;
        return wf_str_builder_append_char(&c->out, '%');
    }
    Arg a = {0, 0, -1, -1, false};
    if (parse_arg(c, &a) < 0) return -1;
    WfObject *v = next_arg(c);
    if (!v) return -1;
    Text text;
    text.str = NULL;
    text.ascii = NULL;
    WfObject *str = NULL;
    if (c->bytes_mode) {
        if (a.ch == 's' || a.ch == 'b') {
            str = bytes_arg_as_latin1(v);
            goto output;
        }
        if (a.ch == 'r') a.ch = 'a';
        if (a.ch == 'c') {
            if (bytes_char(v, &str) < 0) return -1;
            goto output;
        }
    }
    switch (a.ch) {
    case 's': case 'r': case 'a':
        if (wf_str_check_exact(v) && a.ch == 's') str = wf_newref(v);
        else if (a.ch == 's') str = wf_object_str(v);
        else if (a.ch == 'r') str = wf_object_repr(v);
        else str = wf_object_ascii(v);
        break;
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
        a.sign = true;
        if (wf_is_smallint(v) && a.prec < 40) {  // fits Text.buf
            format_small_int(&text, wf_smallint_value(v), (a.flags & F_ALT) != 0, a.prec, a.ch);
            goto output_text;
        }
        str = format_int_arg(v, &a);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        a.sign = true;
        if (format_float_arg(v, &a, &text) < 0) return -1;
        goto output_text;
    case 'c': {
        uint32_t ch;
        if (format_char(v, &ch) < 0) return -1;
        str = wf_str_from_char(ch);
        break;
    }
    default:
        if (a.ch < 128)
            wf_err_format(&wf_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                          (a.ch >= 31 && a.ch <= 126) ? (int)a.ch : '?', (unsigned)a.ch, c->pos - 1);
        else
            wf_err_format(&wf_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd", (int)a.ch,
                          (unsigned)a.ch, c->pos - 1);
        return -1;
    }
output:
    if (!str) return -1;
    text.str = str;
    text.len = wf_str_length(str);
output_text:;
    int r = output_arg(c, &a, &text);
    wf_xdecref(text.str);
    if (r < 0) return -1;
    if (c->dict && c->argidx < c->arglen) {
        wf_err_set_string(&wf_exc_TypeError, c->bytes_mode ? "not all arguments converted during bytes formatting"
                                                            : "not all arguments converted during string formatting");
        return -1;
    }
    return 0;
}

static WfObject *percent_format(WfObject *fmt, WfObject *args, bool bytes_mode) {
    Formatter c;
    c.fmt = fmt;
    c.kind = wf_str_kind(fmt);
    c.data = wf_str_data(fmt);
    c.pos = 0;
    c.len = wf_str_length(fmt);
    c.args = args;
    c.args_owned = false;
    c.bytes_mode = bytes_mode;
    if (wf_tuple_check(args)) {
        c.arglen = wf_tuple_size(args);
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    // PyMapping_Check: anything subscriptable that is not a tuple or str
    // (nor bytes, for bytes formatting).
    c.dict = (!wf_tuple_check(args) && !wf_str_check(args) && !(bytes_mode && wf_bytes_check(args)) &&
              WF_TYPE(args)->tp_getitem) ? args : NULL;
    wf_str_builder_init(&c.out);
    if (wf_str_builder_reserve(&c.out, c.len + 16) < 0) goto fail;
    while (c.pos < c.len) {
        if (READ(&c) != '%') {
            wf_ssize start = c.pos;
            if (c.kind == 1) {
                const char *pct = memchr((const char *)c.data + start, '%', (size_t)(c.len - start));
                c.pos = pct ? pct - (const char *)c.data : c.len;
            } else {
                while (c.pos < c.len && READ(&c) != '%') c.pos++;
            }
            if (wf_str_builder_append_substring(&c.out, fmt, start, c.pos) < 0) goto fail;
            continue;
        }
        c.pos++;
        if (format_one(&c) < 0) goto fail;
    }
    if (c.argidx < c.arglen && !c.dict) {
        wf_err_set_string(&wf_exc_TypeError, bytes_mode ? "not all arguments converted during bytes formatting"
                                                        : "not all arguments converted during string formatting");
        goto fail;
    }
    if (c.args_owned) wf_decref(c.args);
    return wf_str_builder_finish(&c.out);
fail:
    if (c.args_owned) wf_decref(c.args);
    wf_str_builder_discard(&c.out);
    return NULL;
}

WfObject *wf_str_percent_format(WfObject *fmt, WfObject *args) { return percent_format(fmt, args, false); }

// bytes % args: formats the Latin-1 reading of the bytes and encodes back.
WfObject *wf_bytes_percent_format(WfObject *fmt, WfObject *args) {
    const char *d;
    wf_ssize n;
    if (wf_bytes_like_get(fmt, &d, &n) < 0) return NULL;
    WfObject *text = wf_str_from_latin1(d, n);
    if (!text) return NULL;
    WfObject *r = percent_format(text, args, true);
    wf_decref(text);
    if (!r) return NULL;
    WfObject *b = wf_str_encode(r, "latin-1", "strict");
    wf_decref(r);
    return b;
}
