// str_format.c — the format-spec mini-language of str, int and float
// (__format__ / format()), following CPython's Python/formatter_unicode.c:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
//
// Invariant: a spec is parsed once into a FormatSpec; numbers are rendered as
// | lpad | sign | prefix | spad | grouped digits | decimal | remainder | rpad |
// where at most one of the three paddings is non-empty (calc_number_widths).
#include <limits.h>
#include <math.h>
#include <stdio.h>

#include "objects/float.h"
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"
#include "runtime/error.h"

typedef struct {
    uint32_t fill_char;
    uint32_t align;
    bool alternate;
    bool no_neg_0;
    uint32_t sign;        // 0, '+', '-', ' '
    wf_ssize width;       // -1: not given
    int thousands;        // 0, ',', '_', or 4 (underscore every four digits)
    wf_ssize precision;   // -1: not given
    uint32_t type;
} FormatSpec;

static bool is_alignment_token(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
static bool is_sign_element(uint32_t c) { return c == ' ' || c == '+' || c == '-'; }

// Parses decimal digits (any Unicode decimal, as CPython); returns the count
// consumed or -1 on overflow (ValueError set).
static wf_ssize get_integer(int kind, const void *d, wf_ssize *pos, wf_ssize end, wf_ssize *result) {
    wf_ssize acc = 0, consumed = 0;
    for (; *pos < end; (*pos)++, consumed++) {
        uint32_t c = wf_str_read(kind, d, *pos);
        int digit = c < 128 ? (c >= '0' && c <= '9' ? (int)(c - '0') : -1) : wf_unicode_decimal(c);
        if (digit < 0) break;
        if (acc > (PTRDIFF_MAX - digit) / 10) {
            wf_err_set_string(&wf_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + digit;
    }
    *result = acc;
    return consumed;
}

static void invalid_thousands_separator_type(int specifier, uint32_t type) {
    if (type > 32 && type < 128)
        wf_err_format(&wf_exc_ValueError, "Cannot specify '%c' with '%c'.", specifier, (int)type);
    else
        wf_err_format(&wf_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", specifier, (unsigned)type);
}

static int parse_spec(const char *tp_name, WfObject *spec, FormatSpec *f, uint32_t default_type, uint32_t default_align) {
    int kind = wf_str_kind(spec);
    const void *d = wf_str_data(spec);
    wf_ssize pos = 0, end = wf_str_length(spec);
    bool align_specified = false, fill_specified = false;
#define READ(i) wf_str_read(kind, d, (i))
    f->fill_char = ' ';
    f->align = default_align;
    f->alternate = false;
    f->no_neg_0 = false;
    f->sign = 0;
    f->width = -1;
    f->thousands = 0;
    f->precision = -1;
    f->type = default_type;

    if (end - pos >= 2 && is_alignment_token(READ(pos + 1))) {
        f->align = READ(pos + 1);
        f->fill_char = READ(pos);
        fill_specified = align_specified = true;
        pos += 2;
    } else if (end - pos >= 1 && is_alignment_token(READ(pos))) {
        f->align = READ(pos);
        align_specified = true;
        pos++;
    }
    if (end - pos >= 1 && is_sign_element(READ(pos))) f->sign = READ(pos++);
    if (end - pos >= 1 && READ(pos) == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (end - pos >= 1 && READ(pos) == '#') {
        f->alternate = true;
        pos++;
    }
    if (!fill_specified && end - pos >= 1 && READ(pos) == '0') {
        f->fill_char = '0';
        if (!align_specified && default_align == '>') f->align = '=';
        pos++;
    }
    wf_ssize consumed = get_integer(kind, d, &pos, end, &f->width);
    if (consumed < 0) return -1;
    if (consumed == 0) f->width = -1;
    if (end - pos && READ(pos) == ',') {
        f->thousands = ',';
        pos++;
    }
    if (end - pos && READ(pos) == '_') {
        if (f->thousands) {
            wf_err_set_string(&wf_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->thousands = '_';
        pos++;
    }
    if (end - pos && READ(pos) == ',' && f->thousands == '_') {
        wf_err_set_string(&wf_exc_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (end - pos && READ(pos) == '.') {
        pos++;
        consumed = get_integer(kind, d, &pos, end, &f->precision);
        if (consumed < 0) return -1;
        if (consumed == 0) {
            wf_err_set_string(&wf_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        wf_err_format(&wf_exc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'", spec, tp_name);
        return -1;
    }
    if (end - pos == 1) f->type = READ(pos++);
#undef READ
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_') {
                f->thousands = 4;
                break;
            }
            // fall through
        default:
            invalid_thousands_separator_type(f->thousands == 4 ? '_' : f->thousands, f->type);
            return -1;
        }
    }
    return 0;
}

static void unknown_presentation_type(uint32_t type, const char *tp_name) {
    if (type > 32 && type < 128)
        wf_err_format(&wf_exc_ValueError, "Unknown format code '%c' for object of type '%.200s'", (int)type, tp_name);
    else
        wf_err_format(&wf_exc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'", (unsigned)type,
                      tp_name);
}

static void calc_padding(wf_ssize nchars, wf_ssize width, uint32_t align, wf_ssize *lpad, wf_ssize *rpad) {
    wf_ssize total = width >= 0 && width > nchars ? width : nchars;
    if (align == '>') *lpad = total - nchars;
    else if (align == '^') *lpad = (total - nchars) / 2;
    else *lpad = 0;  // '<' or '='
    *rpad = total - nchars - *lpad;
}

// ---------------------------------------------------------------------------
// str

WfObject *wf_format_str(WfObject *s, WfObject *spec) {
    if (wf_str_length(spec) == 0) return wf_str_check_exact(s) ? wf_newref(s) : wf_object_str(s);
    FormatSpec f;
    if (parse_spec(WF_TYPE(s)->tp_name, spec, &f, 's', '<') < 0) return NULL;
    if (f.type != 's') {
        unknown_presentation_type(f.type, WF_TYPE(s)->tp_name);
        return NULL;
    }
    if (f.sign) {
        wf_err_set_string(&wf_exc_ValueError, f.sign == ' ' ? "Space not allowed in string format specifier"
                                                            : "Sign not allowed in string format specifier");
        return NULL;
    }
    if (f.no_neg_0) {
        wf_err_set_string(&wf_exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (f.alternate) {
        wf_err_set_string(&wf_exc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (f.align == '=') {
        wf_err_set_string(&wf_exc_ValueError, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    wf_ssize len = wf_str_length(s);
    if ((f.width == -1 || f.width <= len) && (f.precision == -1 || f.precision >= len))
        return wf_str_exact_copy(s);
    if (f.precision >= 0 && len >= f.precision) len = f.precision;
    wf_ssize lpad, rpad;
    calc_padding(len, f.width, f.align, &lpad, &rpad);
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (wf_str_builder_append_repeat(&b, f.fill_char, lpad) < 0 || wf_str_builder_append_substring(&b, s, 0, len) < 0 ||
        wf_str_builder_append_repeat(&b, f.fill_char, rpad) < 0) {
        wf_str_builder_discard(&b);
        return NULL;
    }
    return wf_str_builder_finish(&b);
}

// ---------------------------------------------------------------------------
// Numbers

// CPython's _PyUnicode_InsertThousandsGrouping for a one-character separator
// (sep 0: none) and a constant group size (0: no grouping). When `out` is
// non-NULL, writes the `out_len` grouped characters right to left.
static wf_ssize group_digits(const char *digits, wf_ssize n_digits, wf_ssize min_width, int glen, char sep,
                             char *out, wf_ssize out_len) {
    if (glen == 0 && min_width <= n_digits) {  // no separators, no zero padding: the digits as they are
        if (out) memcpy(out + out_len - n_digits, digits, (size_t)n_digits);
        return n_digits;
    }
    wf_ssize remaining = n_digits, count = 0, bpos = out_len, dpos = n_digits;
    int sep_len = sep ? 1 : 0;
    bool use_sep = false, broken = false;
#define FILL(n_chars, n_zeros)                                     \
    do {                                                           \
        if (out) {                                                 \
            if (use_sep && sep) out[--bpos] = sep;                 \
            bpos -= (n_chars);                                     \
            dpos -= (n_chars);                                     \
            memcpy(out + bpos, digits + dpos, (size_t)(n_chars));  \
            bpos -= (n_zeros);                                     \
            memset(out + bpos, '0', (size_t)(n_zeros));            \
        }                                                          \
    } while (0)
    if (glen > 0) {
        for (;;) {
            wf_ssize l = glen, m = remaining > min_width ? remaining : min_width;
            if (m < 1) m = 1;
            if (l > m) l = m;
            wf_ssize n_zeros = l - remaining > 0 ? l - remaining : 0;
            wf_ssize n_chars = remaining < l ? remaining : l;
            if (n_chars < 0) n_chars = 0;
            count += (use_sep ? sep_len : 0) + n_zeros + n_chars;
            FILL(n_chars, n_zeros);
            use_sep = true;
            remaining -= n_chars;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) {
                broken = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if (!broken) {
        wf_ssize l = remaining > min_width ? remaining : min_width;
        if (l < 1) l = 1;
        wf_ssize n_zeros = l - remaining > 0 ? l - remaining : 0;
        wf_ssize n_chars = remaining < l ? remaining : l;
        if (n_chars < 0) n_chars = 0;
        count += (use_sep ? sep_len : 0) + n_zeros + n_chars;
        FILL(n_chars, n_zeros);
    }
#undef FILL
    return count;
}

// n copies of ch at out[*o...] (kind-wide), advancing *o.
static void fill_chars(int kind, void *out, wf_ssize *o, uint32_t ch, wf_ssize n) {
    if (n <= 0) return;
    if (kind == 1) memset((char *)out + *o, (int)ch, (size_t)n);
    else for (wf_ssize i = 0; i < n; i++) wf_str_write(kind, out, *o + i, ch);
    *o += n;
}

// Renders a number whose ASCII text (sign removed) is `num`: n_digits digits,
// then an optional '.', then the remainder (exponent, '%', "inf", ...).
static WfObject *render_number(const FormatSpec *f, uint32_t sign_char, const char *prefix, wf_ssize n_prefix,
                               const char *num, wf_ssize n_total, bool has_decimal, wf_ssize n_remainder_in,
                               int thousands, bool toupper) {
    wf_ssize n_digits = n_total - n_remainder_in - (has_decimal ? 1 : 0);
    wf_ssize n_decimal = has_decimal ? 1 : 0, n_remainder = n_remainder_in;
    int glen = 0;
    char sep = 0;
    if (thousands == ',' || thousands == '_') { glen = 3; sep = (char)thousands; }
    else if (thousands == 4) { glen = 4; sep = '_'; }
    wf_ssize n_sign = 0;
    uint32_t sign = 0;
    switch (f->sign) {
    case '+': n_sign = 1; sign = sign_char == '-' ? '-' : '+'; break;
    case ' ': n_sign = 1; sign = sign_char == '-' ? '-' : ' '; break;
    default:
        if (sign_char == '-') { n_sign = 1; sign = '-'; }
    }
    wf_ssize n_non_digit = n_sign + n_prefix + n_decimal + n_remainder;
    wf_ssize min_width = (f->fill_char == '0' && f->align == '=') ? f->width - n_non_digit : 0;
    wf_ssize n_grouped = n_digits == 0 ? 0 : group_digits(num, n_digits, min_width, glen, sep, NULL, 0);
    wf_ssize n_padding = f->width - (n_non_digit + n_grouped);
    wf_ssize lpad = 0, spad = 0, rpad = 0;
    if (n_padding > 0) {
        switch (f->align) {
        case '<': rpad = n_padding; break;
        case '^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
        case '=': spad = n_padding; break;
        default: lpad = n_padding; break;
        }
    }
    // Everything but the fill character is ASCII: write the result directly.
    wf_ssize total = lpad + n_sign + n_prefix + spad + n_grouped + n_decimal + n_remainder + rpad;
    bool filled = lpad || spad || rpad;  // group_digits pads with '0' itself
    WfObject *r = wf_str_new_raw(total, filled && f->fill_char > 0x7f ? f->fill_char : 0x7f);
    if (!r) return NULL;
    int kind = wf_str_kind(r);
    void *out = wf_str_data(r);
    char small[128];
    char *grouped = n_grouped < (wf_ssize)sizeof small ? small : wf_mem_malloc((size_t)n_grouped + 1);
    if (!grouped) {
        wf_decref(r);
        return wf_err_no_memory();
    }
    if (n_digits) group_digits(num, n_digits, min_width, glen, sep, grouped, n_grouped);
    if (toupper)
        for (wf_ssize i = 0; i < n_grouped; i++)
            if (grouped[i] >= 'a' && grouped[i] <= 'z') grouped[i] -= 32;
    wf_ssize o = 0;
    fill_chars(kind, out, &o, f->fill_char, lpad);
    if (n_sign) wf_str_write(kind, out, o++, sign);
    for (wf_ssize i = 0; i < n_prefix; i++) {
        char c = prefix[i];
        if (toupper && c >= 'a' && c <= 'z') c -= 32;
        wf_str_write(kind, out, o++, (uint8_t)c);
    }
    fill_chars(kind, out, &o, f->fill_char, spad);
    wf_str_copy_convert(kind, (char *)out + o * kind, 1, grouped, n_grouped);
    o += n_grouped;
    if (n_decimal) wf_str_write(kind, out, o++, '.');
    wf_str_copy_convert(kind, (char *)out + o * kind, 1, num + n_digits + n_decimal, n_remainder);
    o += n_remainder;
    fill_chars(kind, out, &o, f->fill_char, rpad);
    if (grouped != small) wf_mem_free(grouped);
    if (total == 1 && kind == 1) {  // one Latin-1 character: the cached string, as elsewhere
        WfObject *c = wf_str_from_char(((uint8_t *)out)[0]);
        wf_decref(r);
        return c;
    }
    return r;
}

// ASCII digits of an int in `base` (sign included): in `small` (72 bytes)
// for a tagged int, else wf_mem_malloc'd.
static char *int_to_ascii(WfObject *v, int base, wf_ssize *len, char *small) {
    char *buf;
    if (wf_is_smallint(v)) {
        intptr_t x = wf_smallint_value(v);
        buf = small;
        unsigned long long ux = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
        int k = 0;
        if (x < 0) buf[k++] = '-';
        if (base == 10) {
            k += wf_str_u64_decimal(ux, buf + k);
        } else {
            char tmp[70];
            int n = 0;
            do {
                unsigned d = (unsigned)(ux % (unsigned)base);
                tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
                ux /= (unsigned)base;
            } while (ux);
            while (n) buf[k++] = tmp[--n];
        }
        buf[k] = '\0';
        *len = k;
        return buf;
    }
    if (base == 10) {
        // Goes through int's str() so the int_max_str_digits limit applies.
        WfObject *s = wf_int_to_decimal_string(v);
        if (!s) return NULL;
        wf_ssize n;
        const char *u = wf_str_as_utf8(s, &n);
        buf = u ? wf_mem_malloc((size_t)n + 1) : NULL;
        if (buf) {
            memcpy(buf, u, (size_t)n + 1);
            *len = n;
        } else if (u) {
            wf_err_no_memory();
        }
        wf_decref(s);
        return buf;
    }
    mpz_t z;
    mpz_init(z);
    wf_int_get_mpz(v, z);
    size_t cap = mpz_sizeinbase(z, base) + 2;
    buf = wf_mem_malloc(cap + 1);
    if (!buf) {
        mpz_clear(z);
        wf_err_no_memory();
        return NULL;
    }
    mpz_get_str(buf, base, z);
    mpz_clear(z);
    *len = (wf_ssize)strlen(buf);
    return buf;
}

static WfObject *format_float_internal(double val, const FormatSpec *f);

static WfObject *format_long_internal(WfObject *value, const FormatSpec *f) {
    if (f->precision != -1) {
        wf_err_set_string(&wf_exc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f->no_neg_0) {
        wf_err_set_string(&wf_exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (f->type == 'c') {
        if (f->sign) {
            wf_err_set_string(&wf_exc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (f->alternate) {
            wf_err_set_string(&wf_exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        int overflow = 0;
        long long x = wf_int_as_long_long_overflow(value, &overflow);
        if (overflow) {
            wf_err_set_string(&wf_exc_OverflowError, "Python int too large to convert to C long");
            return NULL;
        }
        if (x < 0 || x > 0x10ffff) {
            wf_err_set_string(&wf_exc_OverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        // One "remainder" character, no digits: padding rules as CPython.
        WfObject *ch = wf_str_from_char((uint32_t)x);
        if (!ch) return NULL;
        wf_ssize lpad, rpad;
        wf_ssize n_padding = f->width - 1;
        lpad = rpad = 0;
        wf_ssize spad = 0;
        if (n_padding > 0) {
            switch (f->align) {
            case '<': rpad = n_padding; break;
            case '^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
            case '=': spad = n_padding; break;
            default: lpad = n_padding; break;
            }
        }
        WfStrBuilder b;
        wf_str_builder_init(&b);
        int r = wf_str_builder_append_repeat(&b, f->fill_char, lpad + spad);
        if (!r) r = wf_str_builder_append_str(&b, ch);
        if (!r) r = wf_str_builder_append_repeat(&b, f->fill_char, rpad);
        wf_decref(ch);
        if (r < 0) {
            wf_str_builder_discard(&b);
            return NULL;
        }
        return wf_str_builder_finish(&b);
    }
    int base = 10;
    const char *prefix = "";
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': case 'X': base = 16; prefix = "0x"; break;
    default: break;
    }
    wf_ssize n;
    char small[72];
    char *digits = int_to_ascii(value, base, &n, small);
    if (!digits) return NULL;
    uint32_t sign_char = 0;
    const char *num = digits;
    if (num[0] == '-') {
        sign_char = '-';
        num++;
        n--;
    }
    WfObject *r = render_number(f, sign_char, prefix, (f->alternate && base != 10) ? 2 : 0, num, n, false, 0,
                                f->type == 'n' ? 0 : f->thousands, f->type == 'X');
    if (digits != small) wf_mem_free(digits);
    return r;
}

WfObject *wf_format_int(WfObject *v, WfObject *spec) {
    const char *tp_name = WF_TYPE(v)->tp_name;
    if (wf_str_length(spec) == 0) return wf_int_check_exact(v) ? wf_int_to_decimal_string(v) : wf_object_str(v);
    FormatSpec f;
    if (parse_spec(tp_name, spec, &f, 'd', '>') < 0) return NULL;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_long_internal(v, &f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = wf_int_as_double(v);
        if (d == -1.0 && wf_err_occurred()) return NULL;
        return format_float_internal(d, &f);
    }
    default:
        unknown_presentation_type(f.type, tp_name);
        return NULL;
    }
}

int wf_format_fixed_digits(double v, int prec, char *buf, bool *is_zero) {
    static const uint64_t pow10[18] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
                                       10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
                                       100000000000ULL, 1000000000000ULL, 10000000000000ULL,
                                       100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
                                       100000000000000000ULL};
    if (!isfinite(v) || prec < 0 || prec > 17) return -1;
    double a = fabs(v);
    uint64_t n = 0;  // round(a * 10**prec), half to even, computed exactly
    if (a != 0.0) {
        // a = m * 2**e exactly, from the IEEE 754 fields.
        uint64_t bits;
        memcpy(&bits, &a, sizeof bits);
        int biased = (int)(bits >> 52);
        uint64_t m = bits & ((1ULL << 52) - 1);
        int e;
        if (biased == 0) {
            e = -1074;  // subnormal
        } else {
            m |= 1ULL << 52;
            e = biased - 1075;
        }
        unsigned __int128 p = (unsigned __int128)m * pow10[prec];  // < 2**110
        if (e >= 0) {
            if (e > 63 || (p >> (63 - e)) != 0) return -1;
            n = (uint64_t)(p << e);
        } else if (-e < 128) {
            int sh = -e;
            unsigned __int128 q = p >> sh, rem = p - (q << sh), half = (unsigned __int128)1 << (sh - 1);
            if ((q >> 62) != 0) return -1;
            if (rem > half || (rem == half && (q & 1))) q++;
            n = (uint64_t)q;
        }  // else a * 10**prec < 2**-18: rounds to 0
    }
    *is_zero = n == 0;
    char digits[40];  // at least prec + 1 digits: zeros first when n is short
    int nd = wf_str_u64_decimal(n, digits + 20), lead = nd <= prec ? prec + 1 - nd : 0;
    char *all = digits + 20 - lead;
    memset(all, '0', (size_t)lead);
    int k = nd + lead - prec;  // integer digits
    memcpy(buf, all, (size_t)k);
    if (prec > 0) {
        buf[k++] = '.';
        memcpy(buf + k, all + k - 1, (size_t)prec);
        k += prec;
    }
    buf[k] = '\0';
    return k;
}

static WfObject *format_float_internal(double val, const FormatSpec *f) {
    if (f->precision > INT_MAX) {
        wf_err_set_string(&wf_exc_ValueError, "precision too big");
        return NULL;
    }
    int precision = (int)f->precision, default_precision = 6, flags = 0;
    uint32_t type = f->type;
    bool add_pct = false;
    if (f->alternate) flags |= WF_DTOSTR_ALT;
    if (f->no_neg_0) flags |= WF_DTOSTR_NO_NEG_0;
    if (type == 0) {
        flags |= WF_DTOSTR_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    char small[WF_FIXED_BUF_SIZE + 2];
    char *num = NULL;
    size_t n = 0;
    bool is_zero;
    int fixed = (type == 'f' || type == 'F') ? wf_format_fixed_digits(val, precision, small + 1, &is_zero) : -1;
    if (fixed >= 0) {
        // Same text as wf_float_to_string's 'f': sign, digits, '.' (kept by '#').
        num = small + 1;
        n = (size_t)fixed;
        if (precision == 0 && f->alternate) num[n++] = '.';
        if (signbit(val) && !(is_zero && f->no_neg_0)) {
            *--num = '-';
            n++;
        }
    } else {
        char *buf = wf_float_to_string(val, (char)type, precision, flags);
        if (!buf) return NULL;
        n = strlen(buf);
        num = n + 2 <= sizeof small ? small : wf_mem_malloc(n + 2);
        if (!num) {
            wf_mem_free(buf);
            return wf_err_no_memory();
        }
        memcpy(num, buf, n);
        wf_mem_free(buf);
    }
    char *to_free = (num < small || num >= small + sizeof small) ? num : NULL;
    if (add_pct) num[n++] = '%';
    num[n] = '\0';
    uint32_t sign_char = 0;
    char *p = num;
    if (*p == '-') {
        sign_char = '-';
        p++;
        n--;
    }
    // parse_number: digits, then an optional '.', then the remainder.
    wf_ssize k = 0;
    while (k < (wf_ssize)n && p[k] >= '0' && p[k] <= '9') k++;
    bool has_decimal = k < (wf_ssize)n && p[k] == '.';
    wf_ssize remainder = (wf_ssize)n - k - (has_decimal ? 1 : 0);
    WfObject *r = render_number(f, sign_char, "", 0, p, (wf_ssize)n, has_decimal, remainder,
                                f->type == 'n' ? 0 : f->thousands, false);
    wf_mem_free(to_free);
    return r;
}

WfObject *wf_format_float(double v, WfObject *spec) {
    if (wf_str_length(spec) == 0) return wf_float_repr_new(v);
    FormatSpec f;
    if (parse_spec("float", spec, &f, 0, '>') < 0) return NULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_internal(v, &f);
    default:
        unknown_presentation_type(f.type, "float");
        return NULL;
    }
}

WfObject *wf_format_value(WfObject *v, WfObject *spec) {
    // The exact built-in types' __format__ cannot be replaced: call it directly
    // (int.__format__ and float.__format__ give str(v) for an empty spec,
    // which is what wf_format_int/wf_format_float return for exact types).
    if (!spec) spec = wf_str_empty();
    if (wf_str_check_exact(spec)) {
        if (wf_str_check_exact(v)) return wf_format_str(v, spec);
        if (wf_int_check_exact(v)) return wf_format_int(v, spec);
        if (wf_float_check_exact(v)) return wf_format_float(wf_float_value(v), spec);
    }
    return wf_object_format(v, spec);
}
