// float_format.c — float ↔ text: repr (shortest round-trip digits),
// PyOS_double_to_string-compatible formatting ('e', 'f', 'g', 'r' and the
// upper-case variants, with the SIGN / ADD_DOT_0 / ALT / NO_NEG_0 flags), and
// parsing for float().
//
// Digit generation emulates David Gay's dtoa as CPython uses it: mode 0
// (shortest string that reads back as the same double, nearest to it when
// several are as short; Ryu in float_shortest.c), mode 2 (n significant digits) and mode 3 (n digits
// after the point), both correctly rounded (glibc's printf is exact and rounds
// half to even); trailing zeros are removed. The layout code is a port of
// CPython's format_float_short.
//
// Invariant: no static mutable state; every buffer is on the stack or freshly
// allocated, so all functions are thread-safe.
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/float.h"
#include "objects/int_internal.h"
#include "objects/str.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Digit generation

typedef struct {
    char *digits;      // no leading/trailing zeros except the lone "0" of zero
    int ndigits;
    int decpt;         // value = 0.d1d2... * 10**decpt
    int sign;          // 1 if negative (signbit)
    char small[48];
    char *heap;        // wf_mem_malloc'd storage when small is too small
} Digits;

static void digits_free(Digits *d) {
    if (d->heap) wf_mem_free(d->heap);
}

// Parse "%.*e" output "D.DDDDe[+-]XX" (or "De[+-]XX") into digits/decpt.
static void parse_exp_form(const char *buf, char *digits, int *ndigits, int *decpt) {
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[n++] = *p;
    int exp = atoi(p + 1);
    while (n > 1 && digits[n - 1] == '0') n--;
    digits[n] = '\0';
    *ndigits = n;
    *decpt = exp + 1;
}

// Mode 0 for finite v > 0: Ryu (float_shortest.c).
static void shortest_digits(double v, Digits *out) {
    out->ndigits = wf_float_shortest_digits(v, out->small, &out->decpt);
    out->digits = out->small;
}

// mode 2: max(ndigits, 1) significant digits; mode 3: ndigits after the point.
// v finite, >= 0. Returns -1 on memory failure.
static int fixed_digits(double v, int mode, int ndigits, Digits *out) {
    out->digits = out->small;
    if (v == 0.0) {
        strcpy(out->small, "0");
        out->ndigits = 1;
        out->decpt = 1;
        return 0;
    }
    if (mode == 2) {
        if (ndigits < 1) ndigits = 1;
        size_t size = (size_t)ndigits + 16;
        char *buf = size <= sizeof out->small ? out->small : (out->heap = wf_mem_malloc(size));
        if (!buf) return -1;
        char tmp[64];
        char *fmt = size <= sizeof tmp ? tmp : wf_mem_malloc(size);
        if (!fmt) return -1;
        snprintf(fmt, size, "%.*e", ndigits - 1, v);
        parse_exp_form(fmt, buf, &out->ndigits, &out->decpt);
        if (fmt != tmp) wf_mem_free(fmt);
        out->digits = buf;
        return 0;
    }
    // mode 3
    int e;
    frexp(v, &e);
    size_t intdigits = e > 0 ? (size_t)(e * 0.30103) + 2 : 1;
    size_t size = intdigits + (size_t)(ndigits > 0 ? ndigits : 0) + 8;
    char *fmt = wf_mem_malloc(size);
    if (!fmt) return -1;
    snprintf(fmt, size, "%.*f", ndigits, v);
    // Collect digits; decpt = number of integer-part digits.
    char *buf = size <= sizeof out->small ? out->small : (out->heap = wf_mem_malloc(size));
    if (!buf) {
        wf_mem_free(fmt);
        return -1;
    }
    int n = 0, decpt = 0, seen_point = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p == '.') {
            seen_point = 1;
            continue;
        }
        buf[n++] = *p;
        if (!seen_point) decpt++;
    }
    wf_mem_free(fmt);
    // Strip leading zeros (adjusting decpt) and trailing zeros.
    int start = 0;
    while (start < n && buf[start] == '0') {
        start++;
        decpt--;
    }
    while (n > start && buf[n - 1] == '0') n--;
    if (start == n) {
        // Rounds to zero: no digits, decimal point after -ndigits zeros (dtoa's fcvt style).
        out->digits = buf;
        buf[0] = '\0';
        out->ndigits = 0;
        out->decpt = -ndigits;
        return 0;
    }
    memmove(buf, buf + start, (size_t)(n - start));
    buf[n - start] = '\0';
    out->digits = buf;
    out->ndigits = n - start;
    out->decpt = decpt;
    return 0;
}

// ---------------------------------------------------------------------------
// Layout (CPython's format_float_short)

// Writes into dst (dst_size bytes) when the result fits, otherwise into a
// wf_mem_malloc'd buffer; returns the string, or NULL (memory; no exception
// set). dst may be NULL to always allocate.
static char *format_float_short(char *dst, size_t dst_size, double d, char format_code, int mode, int precision,
                                int always_add_sign, int add_dot_0_if_integer, int use_alt_formatting,
                                int no_negative_zero, int upper) {
    const char *inf_s = upper ? "INF" : "inf", *nan_s = upper ? "NAN" : "nan";
    char e_char = upper ? 'E' : 'e';
    int sign = signbit(d) ? 1 : 0;
    char *buf, *p;
    if (!isfinite(d)) {
        if (isnan(d)) sign = 0;  // the sign of a NaN is ignored
        buf = dst_size >= 5 ? dst : wf_mem_malloc(5);
        if (!buf) return NULL;
        p = buf;
        if (sign) *p++ = '-';
        else if (always_add_sign) *p++ = '+';
        memcpy(p, isnan(d) ? nan_s : inf_s, 3);
        p[3] = '\0';
        return buf;
    }
    Digits dg;
    dg.heap = NULL;
    if (mode == 0) {
        if (d == 0.0) {
            strcpy(dg.small, "0");
            dg.digits = dg.small;
            dg.ndigits = 1;
            dg.decpt = 1;
        } else {
            shortest_digits(fabs(d), &dg);
        }
    } else if (fixed_digits(fabs(d), mode, precision, &dg) < 0) {
        digits_free(&dg);
        return NULL;
    }
    const char *digits = dg.digits;
    wf_ssize digits_len = dg.ndigits, decpt = dg.decpt;
    if (no_negative_zero && sign == 1 && (digits_len == 0 || (digits_len == 1 && digits[0] == '0'))) sign = 0;

    int use_exp = 0, exp = 0;
    wf_ssize vdigits_start, vdigits_end = digits_len;
    switch (format_code) {
    case 'e':
        use_exp = 1;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0_if_integer ? precision - 1 : precision)) use_exp = 1;
        if (use_alt_formatting) vdigits_end = precision;
        break;
    case 'r':
        // Exponent for values >= 1e16 or < 1e-4.
        if (decpt <= -4 || decpt > 16) use_exp = 1;
        break;
    default:
        digits_free(&dg);
        return NULL;
    }
    if (use_exp) {
        exp = (int)decpt - 1;
        decpt = 1;
    }
    // Ensure vdigits_start < decpt <= vdigits_end, or vdigits_start < decpt <
    // vdigits_end if add_dot_0_if_integer and no exponent.
    vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0_if_integer) vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

    size_t bufsize = 3 + (size_t)(vdigits_end - vdigits_start) + (use_exp ? 6 : 0);
    buf = bufsize <= dst_size ? dst : wf_mem_malloc(bufsize);
    if (!buf) {
        digits_free(&dg);
        return NULL;
    }
    p = buf;
    if (sign == 1) *p++ = '-';
    else if (always_add_sign) *p++ = '+';
    // Zero padding on the left of the digit string.
    if (decpt <= 0) {
        memset(p, '0', (size_t)(decpt - vdigits_start));
        p += decpt - vdigits_start;
        *p++ = '.';
        memset(p, '0', (size_t)(0 - decpt));
        p += 0 - decpt;
    } else {
        memset(p, '0', (size_t)(0 - vdigits_start));
        p += 0 - vdigits_start;
    }
    // Digits, with the decimal point when it falls inside them.
    if (0 < decpt && decpt <= digits_len) {
        memcpy(p, digits, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, digits + decpt, (size_t)(digits_len - decpt));
        p += digits_len - decpt;
    } else {
        memcpy(p, digits, (size_t)digits_len);
        p += digits_len;
    }
    // Zeros on the right.
    if (digits_len < decpt) {
        memset(p, '0', (size_t)(decpt - digits_len));
        p += decpt - digits_len;
        *p++ = '.';
        memset(p, '0', (size_t)(vdigits_end - decpt));
        p += vdigits_end - decpt;
    } else {
        memset(p, '0', (size_t)(vdigits_end - digits_len));
        p += vdigits_end - digits_len;
    }
    // Delete a trailing decimal point unless using alternative formatting.
    if (p[-1] == '.' && !use_alt_formatting) p--;
    if (use_exp) {
        *p++ = e_char;
        p += sprintf(p, "%+.02d", exp);
    }
    *p = '\0';
    digits_free(&dg);
    return buf;
}

char *wf_float_to_string(double v, char format_code, int precision, int flags) {
    int mode, upper = 0;
    switch (format_code) {
    case 'E':
        upper = 1;
        format_code = 'e';
        // fall through
    case 'e':
        mode = 2;
        precision++;
        break;
    case 'F':
        upper = 1;
        format_code = 'f';
        // fall through
    case 'f':
        mode = 3;
        break;
    case 'G':
        upper = 1;
        format_code = 'g';
        // fall through
    case 'g':
        mode = 2;
        if (precision == 0) precision = 1;  // precision 0 makes no sense for 'g'
        break;
    case 'r':
        mode = 0;
        if (precision != 0) {
            wf_err_bad_internal_call("wf_float_to_string");
            return NULL;
        }
        break;
    default:
        wf_err_bad_internal_call("wf_float_to_string");
        return NULL;
    }
    char *r = format_float_short(NULL, 0, v, format_code, mode, precision, flags & WF_DTOSTR_SIGN,
                                 flags & WF_DTOSTR_ADD_DOT_0, flags & WF_DTOSTR_ALT, flags & WF_DTOSTR_NO_NEG_0,
                                 upper);
    if (!r) wf_err_no_memory();
    return r;
}

int wf_float_repr_buf(double v, char *buf, size_t size) {
    char local[40];  // a repr needs at most 25 bytes
    char *s = format_float_short(local, sizeof local, v, 'r', 0, 0, 0, 1, 0, 0, 0);
    if (!s) {
        if (size) buf[0] = '\0';
        return 0;
    }
    size_t n = strlen(s);
    if (n >= size) n = size ? size - 1 : 0;
    memcpy(buf, s, n);
    if (size) buf[n] = '\0';
    if (s != local) wf_mem_free(s);
    return (int)n;
}

WfObject *wf_float_repr_new(double v) {
    char buf[64];
    int n = wf_float_repr_buf(v, buf, sizeof buf);
    if (n == 0) return wf_err_no_memory();
    WfObject *r = wf_str_new_raw(n, 127);
    if (!r) return NULL;
    memcpy(wf_str_data(r), buf, (size_t)n);
    return r;
}

// ---------------------------------------------------------------------------
// Parsing

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int match_word(const char *p, const char *end, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(end - p) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)p[i]) != word[i]) return 0;
    return 1;
}

int wf_float_parse(const char *s, wf_ssize len, double *out) {
    const char *p = s, *end = s + len;
    // Underscores: only between digits (checked on the unstripped text, as CPython).
    int has_underscore = memchr(s, '_', (size_t)len) != NULL;
    while (p < end && is_space((unsigned char)*p)) p++;
    while (end > p && is_space((unsigned char)end[-1])) end--;
    if (p == end) return -1;
    char small[128];
    size_t n = (size_t)(end - p);
    char *buf = n < sizeof small ? small : wf_mem_malloc(n + 1);
    if (!buf) return -1;
    size_t k = 0;
    if (has_underscore) {
        char prev = p > s ? p[-1] : '\0';
        for (const char *q = p; q < end; q++) {
            if (*q == '_') {
                if (!is_digit((unsigned char)prev)) goto fail;
            } else {
                if (prev == '_' && !is_digit((unsigned char)*q)) goto fail;
                buf[k++] = *q;
            }
            prev = *q;
        }
        if (prev == '_') goto fail;
    } else {
        memcpy(buf, p, n);
        k = n;
    }
    buf[k] = '\0';
    const char *q = buf, *qend = buf + k;
    int negative = 0;
    if (q < qend && (*q == '+' || *q == '-')) negative = *q++ == '-';
    if (q < qend && !is_digit((unsigned char)*q) && *q != '.') {
        double r;
        if (match_word(q, qend, "inf") || match_word(q, qend, "infinity")) r = INFINITY;
        else if (match_word(q, qend, "nan")) r = NAN;
        else goto fail;
        *out = negative ? -r : r;
        if (buf != small) wf_mem_free(buf);
        return 0;
    }
    int mant_digits = 0;
    while (q < qend && is_digit((unsigned char)*q)) q++, mant_digits++;
    if (q < qend && *q == '.') {
        q++;
        while (q < qend && is_digit((unsigned char)*q)) q++, mant_digits++;
    }
    if (!mant_digits) goto fail;
    if (q < qend && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < qend && (*q == '+' || *q == '-')) q++;
        int exp_digits = 0;
        while (q < qend && is_digit((unsigned char)*q)) q++, exp_digits++;
        if (!exp_digits) goto fail;
    }
    if (q != qend) goto fail;  // also rejects embedded NULs
    *out = strtod(buf, NULL);  // glibc: correctly rounded; overflow gives ±inf
    if (buf != small) wf_mem_free(buf);
    return 0;
fail:
    if (buf != small) wf_mem_free(buf);
    return -1;
}
