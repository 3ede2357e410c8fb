// int_format.c — int ↔ text: parsing int(s, base), str()/repr(), bin/oct/hex
// digits, int.__format__, and the str-to-ASCII normalization shared with float().
//
// Invariant: no static mutable buffers; every conversion works on the
// caller's stack or on freshly allocated memory, so all of it is thread-safe.
// Conversions to and from non-power-of-two bases honour
// sys.get_int_max_str_digits() exactly as CPython 3.11 does.
#include <stdio.h>
#include <string.h>

#include "objects/int_internal.h"
#include "objects/str.h"
#include "objects/str_unicode.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Parsing

static int is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static WfObject *too_many_digits_to_int(int limit, wf_ssize digits) {
    return wf_err_format(&wf_exc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; "
                         "use sys.set_int_max_str_digits() to increase the limit",
                         limit, digits);
}

WfObject *wf_int_parse(const char *s, wf_ssize len, int base, int *bad) {
    *bad = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end && is_ascii_space(*p)) p++;
    int negative = 0;
    if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
    int error_if_nonzero = 0;
    if (base == 0) {
        if (p >= end || *p != '0') base = 10;
        else if (p + 1 < end && (p[1] == 'x' || p[1] == 'X')) base = 16;
        else if (p + 1 < end && (p[1] == 'o' || p[1] == 'O')) base = 8;
        else if (p + 1 < end && (p[1] == 'b' || p[1] == 'B')) base = 2;
        else {
            // "old" C-style octal literal, now invalid; it may still be zero.
            error_if_nonzero = 1;
            base = 10;
        }
    }
    if (p + 1 < end && p[0] == '0' &&
        ((base == 16 && (p[1] == 'x' || p[1] == 'X')) || (base == 8 && (p[1] == 'o' || p[1] == 'O')) ||
         (base == 2 && (p[1] == 'b' || p[1] == 'B')))) {
        p += 2;
        if (p < end && *p == '_') p++;  // one underscore allowed after the prefix
    }
    if (p < end && *p == '_') goto invalid;  // may not start with an underscore

    // Scan the digits (single underscores between them).
    const unsigned char *start = p;
    wf_ssize digits = 0;
    int prev = 0;
    while (p < end && (digit_value(*p) < base || *p == '_')) {
        if (*p == '_') {
            if (prev == '_') goto invalid;
        } else {
            digits++;
        }
        prev = *p++;
    }
    if (prev == '_' || digits == 0) goto invalid;
    const unsigned char *digits_end = p;
    if ((base & (base - 1)) != 0 && digits > WF_INT_MAX_STR_DIGITS_THRESHOLD) {
        int limit = wf_int_get_max_str_digits();
        if (limit > 0 && digits > limit) return too_many_digits_to_int(limit, digits);
    }
    while (p < end && is_ascii_space(*p)) p++;
    if (p != end) goto invalid;

    // Fast path: accumulate in a machine word while it cannot overflow.
    uint64_t acc = 0;
    const unsigned char *q = start;
    for (; q < digits_end; q++) {
        if (*q == '_') continue;
        uint64_t next;
        if (__builtin_mul_overflow(acc, (uint64_t)base, &next) ||
            __builtin_add_overflow(next, (uint64_t)digit_value(*q), &next))
            break;
        acc = next;
    }
    WfObject *result;
    if (q == digits_end) {
        if (error_if_nonzero && acc != 0) goto invalid;
        if (acc <= (uint64_t)WF_SMALLINT_MAX) return wf_smallint_new(negative ? -(intptr_t)acc : (intptr_t)acc);
        mpz_t z;
        mpz_init(z);
        mpz_import(z, 1, 1, sizeof acc, 0, 0, &acc);
        if (negative) mpz_neg(z, z);
        return wf_int_from_mpz_take(z);
    }
    // General path: GMP on a copy without underscores.
    char small[256];
    char *buf = digits < (wf_ssize)sizeof small ? small : wf_mem_malloc((size_t)digits + 1);
    if (!buf) return wf_err_no_memory();
    wf_ssize n = 0;
    for (q = start; q < digits_end; q++)
        if (*q != '_') buf[n++] = (char)*q;
    buf[n] = '\0';
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, buf, base);  // validated above: cannot fail
    if (buf != small) wf_mem_free(buf);
    if (error_if_nonzero && mpz_sgn(z) != 0) {
        mpz_clear(z);
        goto invalid;
    }
    if (negative) mpz_neg(z, z);
    result = wf_int_from_mpz_take(z);
    return result;

invalid:
    *bad = 1;
    return NULL;
}

WfObject *wf_int_invalid_literal(int base, WfObject *orig) {
    WfObject *r = wf_object_repr(orig);
    if (!r) return NULL;
    if (wf_str_length(r) > 200) {
        WfObject *t = wf_str_substring(r, 0, 200);
        wf_decref(r);
        if (!t) return NULL;
        r = t;
    }
    wf_err_format(&wf_exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    wf_decref(r);
    return NULL;
}

char *wf_number_str_to_ascii(WfObject *s, wf_ssize *len) {
    wf_ssize n = wf_str_length(s);
    int kind = wf_str_kind(s);
    const void *data = wf_str_data(s);
    char *out = wf_mem_malloc((size_t)n + 1);
    if (!out) {
        wf_err_no_memory();
        return NULL;
    }
    wf_ssize i;
    for (i = 0; i < n; i++) {
        uint32_t c = wf_str_read(kind, data, i);
        if (c < 128) {
            out[i] = (char)c;
        } else if (wf_unicode_isspace(c)) {
            out[i] = ' ';
        } else {
            int d = wf_unicode_decimal(c);
            if (d < 0) {
                out[i++] = '?';
                break;
            }
            out[i] = (char)('0' + d);
        }
    }
    out[i] = '\0';
    *len = i;
    return out;
}

// ---------------------------------------------------------------------------
// Formatting

static WfObject *ascii_str(const char *s, size_t n) {
    WfObject *r = wf_str_new_raw((wf_ssize)n, 127);
    if (!r) return NULL;
    memcpy(wf_str_data(r), s, n);
    return r;
}

// Writes the decimal digits of x (with '-') ending at `end`; returns the start.
static char *word_to_decimal(intptr_t x, char *end) {
    uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    char *p = end;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (x < 0) *--p = '-';
    return p;
}

WfObject *wf_int_to_decimal_string(WfObject *o) {
    int ok;
    intptr_t x = wf_int_small_value(o, &ok);
    if (ok) {
        char buf[24];
        char *p = word_to_decimal(x, buf + sizeof buf);
        return ascii_str(p, (size_t)(buf + sizeof buf - p));
    }
    mpz_srcptr z = ((WfIntObject *)o)->value;
    int limit = wf_int_get_max_str_digits();
    size_t estimate = mpz_sizeinbase(z, 10);  // exact or one too many
    if (limit > 0 && estimate > (size_t)limit + 1) goto too_many;
    char *digits = mpz_get_str(NULL, 10, z);  // allocated through wf_mem_malloc
    size_t n = strlen(digits);
    size_t ndigits = n - (digits[0] == '-');
    if (limit > 0 && ndigits > WF_INT_MAX_STR_DIGITS_THRESHOLD && ndigits > (size_t)limit) {
        wf_mem_free(digits);
        goto too_many;
    }
    WfObject *r = ascii_str(digits, n);
    wf_mem_free(digits);
    return r;
too_many:
    return wf_err_format(&wf_exc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion; "
                         "use sys.set_int_max_str_digits() to increase the limit",
                         limit);
}

WfObject *wf_int_repr(WfObject *o) { return wf_int_to_decimal_string(o); }

WfObject *wf_int_format_base(WfObject *o, int base, bool alternate) {
    if (base == 10) return wf_int_to_decimal_string(o);
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    WfIntView v;
    mpz_srcptr z = wf_int_view(o, &v);
    size_t cap = mpz_sizeinbase(z, base) + 4;
    char small[80];
    char *buf = cap < sizeof small ? small : wf_mem_malloc(cap);
    if (!buf) return wf_err_no_memory();
    char *p = buf;
    int neg = mpz_sgn(z) < 0;
    if (neg) *p++ = '-';
    if (alternate) {
        memcpy(p, prefix, strlen(prefix));
        p += strlen(prefix);
    }
    if (neg) {
        mpz_t a;
        mpz_roinit_n(a, mpz_limbs_read(z), (mp_size_t)mpz_size(z));
        mpz_get_str(p, base, a);
    } else {
        mpz_get_str(p, base, z);
    }
    WfObject *r = ascii_str(buf, strlen(buf));
    if (buf != small) wf_mem_free(buf);
    return r;
}
