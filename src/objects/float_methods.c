// float_methods.c — the Python-visible methods and attributes of float:
// is_integer, as_integer_ratio, hex, fromhex, conjugate, __trunc__, __floor__,
// __ceil__, __round__ (CPython's double_round: correctly rounded decimal
// rounding), __getnewargs__, __getformat__, __format__, real, imag.
//
// Invariant: methods never mutate self; results are new objects.
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/arg.h"
#include "objects/float.h"
#include "objects/int_internal.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

static double self_value(WfObject *self) { return wf_float_value(self); }

static WfObject *float_is_integer(WfObject *self, WfObject *unused) {
    double x = self_value(self);
    if (!isfinite(x)) return wf_False;
    return wf_bool_from(floor(x) == x);
}

static WfObject *pair_take(WfObject *a, WfObject *b) {
    if (!a || !b) {
        wf_xdecref(a);
        wf_xdecref(b);
        return NULL;
    }
    WfObject *t = wf_tuple_new(2);
    if (!t) {
        wf_decref(a);
        wf_decref(b);
        return NULL;
    }
    wf_tuple_set_take(t, 0, a);
    wf_tuple_set_take(t, 1, b);
    return t;
}

static WfObject *float_as_integer_ratio(WfObject *self, WfObject *unused) {
    double x = self_value(self);
    if (isinf(x)) return wf_err_format(&wf_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return wf_err_format(&wf_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);  // x = m * 2**e, 0.5 <= |m| < 1
    int64_t mant = (int64_t)ldexp(m, DBL_MANT_DIG);
    e -= DBL_MANT_DIG;
    if (mant == 0) return pair_take(wf_smallint_new(0), wf_smallint_new(1));
    int tz = __builtin_ctzll((uint64_t)(mant < 0 ? -mant : mant));
    mant >>= tz;  // exact: removing trailing zero bits
    e += tz;
    mpz_t num, den;
    mpz_init_set_si(num, (long)mant);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    WfObject *a = wf_int_from_mpz_take(num);
    WfObject *b = wf_int_from_mpz_take(den);
    return pair_take(a, b);
}

static WfObject *float_conjugate(WfObject *self, WfObject *unused) {
    if (wf_float_check_exact(self)) return wf_newref(self);
    return wf_float_new(self_value(self));
}

static WfObject *float_trunc(WfObject *self, WfObject *unused) { return wf_int_from_double(self_value(self)); }
static WfObject *float_floor(WfObject *self, WfObject *unused) { return wf_int_from_double(floor(self_value(self))); }
static WfObject *float_ceil(WfObject *self, WfObject *unused) { return wf_int_from_double(ceil(self_value(self))); }

static WfObject *float_getnewargs(WfObject *self, WfObject *unused) {
    WfObject *f = float_conjugate(self, NULL);
    if (!f) return NULL;
    WfObject *t = wf_tuple_new(1);
    if (!t) {
        wf_decref(f);
        return NULL;
    }
    wf_tuple_set_take(t, 0, f);
    return t;
}

// Round x to nd decimal places (nd may be negative), correctly rounded half to
// even on the exact binary value, like dtoa mode 3 followed by strtod.
static WfObject *double_round(double x, int nd) {
    int e;
    double m = frexp(fabs(x), &e);
    uint64_t mant = (uint64_t)ldexp(m, DBL_MANT_DIG);
    e -= DBL_MANT_DIG;  // |x| = mant * 2**e
    mpz_t num, den, q, r;
    mpz_init_set_ui(num, (unsigned long)mant);
    mpz_init_set_ui(den, 1);
    mpz_inits(q, r, NULL);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    mpz_ui_pow_ui(q, 10, (unsigned long)(nd >= 0 ? nd : -nd));
    if (nd >= 0) mpz_mul(num, num, q);
    else mpz_mul(den, den, q);
    mpz_fdiv_qr(q, r, num, den);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    size_t len = mpz_sizeinbase(q, 10) + 16;
    char small[128];
    char *buf = len <= sizeof small ? small : wf_mem_malloc(len);
    if (!buf) {
        mpz_clears(num, den, q, r, NULL);
        return wf_err_no_memory();
    }
    char *p = buf;
    if (signbit(x)) *p++ = '-';
    mpz_get_str(p, 10, q);
    p += strlen(p);
    sprintf(p, "e%d", -nd);
    mpz_clears(num, den, q, r, NULL);
    errno = 0;
    double rounded = strtod(buf, NULL);
    int err = errno;
    if (buf != small) wf_mem_free(buf);
    if (err == ERANGE && fabs(rounded) >= 1.0)
        return wf_err_format(&wf_exc_OverflowError, "rounded value too large to represent");
    return wf_float_new(rounded);
}

static WfObject *float_round(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("__round__", nargs, 0, 1) < 0) return NULL;
    double x = self_value(self);
    if (nargs == 0 || args[0] == wf_None) {
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5) rounded = 2.0 * round(x / 2.0);  // halfway: to even
        return wf_int_from_double(rounded);
    }
    wf_ssize nd = wf_number_as_ssize(args[0], NULL);  // clamps on overflow
    if (nd == -1 && wf_err_occurred()) return NULL;
    if (!isfinite(x)) return wf_float_new(x);
    // Past these bounds x rounds to itself / to a signed zero (0.30103 > log10(2)).
    const int ndigits_max = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int ndigits_min = -(int)((DBL_MAX_EXP + 1) * 0.30103);
    if (nd > ndigits_max) return wf_float_new(x);
    if (nd < ndigits_min) return wf_float_new(0.0 * x);
    return double_round(x, (int)nd);
}

static WfObject *float_hex(WfObject *self, WfObject *unused) {
    double x = self_value(self);
    char buf[64];
    if (isnan(x) || isinf(x)) return wf_float_repr_new(x);
    if (x == 0.0) return wf_str_from_cstr(copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    static const char hexdigits[] = "0123456789abcdef";
    char s[32];
    int si = 0;
    s[si++] = hexdigits[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = hexdigits[(int)m];
        m -= (int)m;
    }
    s[si] = '\0';
    char esign = e < 0 ? '-' : '+';
    if (e < 0) e = -e;
    snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0.0 ? "-" : "", s, esign, e);
    return wf_str_from_cstr(buf);
}

static int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// float.fromhex(s): validate CPython's grammar, then let glibc's strtod (which
// rounds hexadecimal input correctly, half to even) compute the value.
static WfObject *float_fromhex(WfObject *type, WfObject *arg) {
    if (!wf_str_check(arg)) return wf_err_format(&wf_exc_TypeError, "fromhex() argument must be str, not %T", arg);
    wf_ssize len;
    const char *s = wf_str_as_utf8(arg, &len);
    if (!s) return NULL;
    const char *p = s, *end = s + len;
    while (p < end && ascii_space((unsigned char)*p)) p++;
    while (end > p && ascii_space((unsigned char)end[-1])) end--;
    double result;
    size_t n = (size_t)(end - p);
    char *buf = wf_mem_malloc(n + 8);
    if (!buf) return wf_err_no_memory();
    char *b = buf;
    const char *q = p;
    int negative = 0;
    if (q < end && (*q == '+' || *q == '-')) negative = *q++ == '-';
    // inf / infinity / nan
    {
        size_t rest = (size_t)(end - q);
        char low[9] = {0};
        if (rest <= 8) {
            for (size_t i = 0; i < rest; i++) low[i] = (char)((q[i] >= 'A' && q[i] <= 'Z') ? q[i] + 32 : q[i]);
            if (!strcmp(low, "inf") || !strcmp(low, "infinity") || !strcmp(low, "nan")) {
                wf_mem_free(buf);
                result = low[0] == 'n' ? NAN : INFINITY;
                if (negative) result = -result;
                goto done;
            }
        }
    }
    if (q + 1 < end && q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) q += 2;
    *b++ = negative ? '-' : '+';
    *b++ = '0';
    *b++ = 'x';
    int ndigits = 0;
    while (q < end && hex_value((unsigned char)*q) >= 0) *b++ = *q++, ndigits++;
    if (q < end && *q == '.') {
        *b++ = *q++;
        while (q < end && hex_value((unsigned char)*q) >= 0) *b++ = *q++, ndigits++;
    }
    if (!ndigits) goto invalid;
    if (q < end && (*q == 'p' || *q == 'P')) {
        *b++ = *q++;
        if (q < end && (*q == '+' || *q == '-')) *b++ = *q++;
        int expdigits = 0;
        while (q < end && *q >= '0' && *q <= '9') *b++ = *q++, expdigits++;
        if (!expdigits) goto invalid;
    }
    if (q != end) goto invalid;
    *b = '\0';
    errno = 0;
    result = strtod(buf, NULL);
    wf_mem_free(buf);
    if (isinf(result)) {
        wf_err_set_string(&wf_exc_OverflowError, "hexadecimal value too large to represent as a float");
        return NULL;
    }
done:;
    WfObject *f = wf_float_new(result);
    if (!f || (WfTypeObject *)type == &wf_float_type) return f;
    WfObject *r = wf_object_call_one(type, f);
    wf_decref(f);
    return r;
invalid:
    wf_mem_free(buf);
    wf_err_set_string(&wf_exc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
}

static WfObject *float_getformat(WfObject *type, WfObject *arg) {
    if (!wf_str_check(arg)) return wf_err_format(&wf_exc_TypeError, "__getformat__() argument must be str, not %T", arg);
    if (!wf_str_equal_cstr(arg, "double") && !wf_str_equal_cstr(arg, "float"))
        return wf_err_format(&wf_exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return wf_str_from_cstr("IEEE, little-endian");
}

static WfObject *float_format(WfObject *self, WfObject *spec) {
    if (!wf_str_check(spec))
        return wf_err_format(&wf_exc_TypeError, "__format__() argument must be str, not %T", spec);
    if (wf_str_length(spec) == 0) return wf_object_str(self);
    return wf_format_float(self_value(self), spec);
}

const WfMethodDef wf_float_methods[] = {
    WF_METHOD("conjugate", float_conjugate, WF_METH_NOARGS,
              "conjugate($self, /)\n--\n\nReturn self, the complex conjugate of any float."),
    WF_METHOD("__trunc__", float_trunc, WF_METH_NOARGS,
              "__trunc__($self, /)\n--\n\nReturn the Integral closest to x between 0 and x."),
    WF_METHOD("__floor__", float_floor, WF_METH_NOARGS,
              "__floor__($self, /)\n--\n\nReturn the floor as an Integral."),
    WF_METHOD("__ceil__", float_ceil, WF_METH_NOARGS, "__ceil__($self, /)\n--\n\nReturn the ceiling as an Integral."),
    WF_METHOD("__round__", float_round, WF_METH_FASTCALL,
              "__round__($self, ndigits=None, /)\n--\n\nReturn the Integral closest to x, rounding half toward even.\n\n"
              "When an argument is passed, work like built-in round(x, ndigits)."),
    WF_METHOD("as_integer_ratio", float_as_integer_ratio, WF_METH_NOARGS,
              "as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\n"
              "Return a pair of integers, whose ratio is exactly equal to the original float\n"
              "and with a positive denominator.\n\n"
              "Raise OverflowError on infinities and a ValueError on NaNs.\n\n"
              ">>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n"
              ">>> (-.25).as_integer_ratio()\n(-1, 4)"),
    WF_METHOD("fromhex", float_fromhex, WF_METH_O | WF_METH_CLASS,
              "fromhex($type, string, /)\n--\n\nCreate a floating-point number from a hexadecimal string.\n\n"
              ">>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324"),
    WF_METHOD("hex", float_hex, WF_METH_NOARGS,
              "hex($self, /)\n--\n\nReturn a hexadecimal representation of a floating-point number.\n\n"
              ">>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'"),
    WF_METHOD("is_integer", float_is_integer, WF_METH_NOARGS,
              "is_integer($self, /)\n--\n\nReturn True if the float is an integer."),
    WF_METHOD("__getnewargs__", float_getnewargs, WF_METH_NOARGS, "__getnewargs__($self, /)\n--\n\n"),
    WF_METHOD("__getformat__", float_getformat, WF_METH_O | WF_METH_CLASS,
              "__getformat__($type, typestr, /)\n--\n\nYou probably don't want to use this function.\n\n"
              "  typestr\n    Must be 'double' or 'float'.\n\n"
              "It exists mainly to be used in Python's test suite.\n\n"
              "This function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\n"
              "little-endian' best describes the format of floating point numbers used by the\n"
              "C type named by typestr."),
    WF_METHOD("__format__", float_format, WF_METH_O,
              "__format__($self, format_spec, /)\n--\n\nFormats the float according to format_spec."),
    WF_METHOD_END,
};

static WfObject *get_real(WfObject *self, void *closure) { return float_conjugate(self, NULL); }
static WfObject *get_imag(WfObject *self, void *closure) { return wf_float_new(0.0); }

const WfGetSetDef wf_float_getset[] = {
    {"real", get_real, NULL, "the real part of a complex number", NULL},
    {"imag", get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
