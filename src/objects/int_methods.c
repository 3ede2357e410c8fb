// int_methods.c — the Python-visible methods and attributes of int:
// bit_length, bit_count, to_bytes, from_bytes, as_integer_ratio, is_integer,
// __round__/__trunc__/__floor__/__ceil__, __format__, real/imag/numerator/denominator.
//
// Invariant: methods never mutate self (ints are immutable); results are exact
// ints normalized to tagged words when they fit.
#include <string.h>

#include "objects/arg.h"
#include "objects/bytes.h"
#include "objects/int_internal.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

static WfObject *int_self(WfObject *self, WfObject *unused) { return wf_int_exact_copy(self); }

static WfObject *int_bit_length(WfObject *self, WfObject *unused) {
    int ok;
    intptr_t x = wf_int_small_value(self, &ok);
    if (ok) {
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        return wf_smallint_new(u ? 64 - __builtin_clzll(u) : 0);
    }
    mpz_srcptr z = ((WfIntObject *)self)->value;
    return wf_int_from_size_t(mpz_sizeinbase(z, 2));
}

static WfObject *int_bit_count(WfObject *self, WfObject *unused) {
    int ok;
    intptr_t x = wf_int_small_value(self, &ok);
    if (ok) {
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        return wf_smallint_new(__builtin_popcountll(u));
    }
    mpz_srcptr z = ((WfIntObject *)self)->value;
    mpz_t a;
    mpz_roinit_n(a, mpz_limbs_read(z), (mp_size_t)mpz_size(z));  // |z|
    return wf_int_from_size_t(mpz_popcount(a));
}

static WfObject *int_as_integer_ratio(WfObject *self, WfObject *unused) {
    WfObject *n = wf_int_exact_copy(self);
    if (!n) return NULL;
    WfObject *t = wf_tuple_new(2);
    if (!t) {
        wf_decref(n);
        return NULL;
    }
    wf_tuple_set_take(t, 0, n);
    wf_tuple_set_take(t, 1, wf_smallint_new(1));
    return t;
}

static WfObject *int_is_integer(WfObject *self, WfObject *unused) { return wf_True; }

static WfObject *int_getnewargs(WfObject *self, WfObject *unused) {
    WfObject *n = wf_int_exact_copy(self);
    if (!n) return NULL;
    WfObject *t = wf_tuple_new(1);
    if (!t) {
        wf_decref(n);
        return NULL;
    }
    wf_tuple_set_take(t, 0, n);
    return t;
}

static WfObject *int_sizeof(WfObject *self, WfObject *unused) {
    // CPython's layout: 24-byte header plus 4 bytes per 30-bit digit.
    WfIntView v;
    mpz_srcptr z = wf_int_view(self, &v);
    size_t bits = mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0;
    size_t digits = bits ? (bits + 29) / 30 : 1;  // zero still counts one digit (3.11)
    return wf_int_from_size_t(24 + 4 * digits);
}

// round(self, ndigits): ndigits >= 0 returns self; otherwise round half to
// even to a multiple of 10**-ndigits.
static WfObject *int_round(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("__round__", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0 || args[0] == wf_None) return wf_int_exact_copy(self);
    WfObject *nd = wf_number_index(args[0]);
    if (!nd) return NULL;
    int sign = wf_int_sign(nd);
    if (sign >= 0) {
        wf_decref(nd);
        return wf_int_exact_copy(self);
    }
    WfIntView vs, vn;
    mpz_srcptr x = wf_int_view(self, &vs);
    mpz_srcptr n = wf_int_view(nd, &vn);
    // |x| < 10**k / 2 when k exceeds the number of decimal digits: result 0.
    if (!mpz_fits_slong_p(n) || (size_t)(-mpz_get_si(n)) > mpz_sizeinbase(x, 10) + 1) {
        wf_decref(nd);
        return wf_smallint_new(0);
    }
    unsigned long k = (unsigned long)(-mpz_get_si(n));
    wf_decref(nd);
    mpz_t p, q, r;
    mpz_inits(p, q, r, NULL);
    mpz_ui_pow_ui(p, 10, k);
    mpz_fdiv_qr(q, r, x, p);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(p, r, NULL);
    return wf_int_from_mpz_take(q);
}

static WfObject *int_format(WfObject *self, WfObject *spec) {
    if (!wf_str_check(spec))
        return wf_err_format(&wf_exc_TypeError, "__format__() argument must be str, not %T", spec);
    if (wf_str_length(spec) == 0) return wf_object_str(self);
    return wf_format_int(self, spec);
}

// byteorder argument: 1 little, 0 big, -1 error.
static int parse_byteorder(const char *fname, WfObject *o) {
    if (!o) return 0;
    if (!wf_str_check(o)) {
        wf_err_format(&wf_exc_TypeError, "%s() argument 'byteorder' must be str, not %T", fname, o);
        return -1;
    }
    if (wf_str_equal_cstr(o, "little")) return 1;
    if (wf_str_equal_cstr(o, "big")) return 0;
    wf_err_set_string(&wf_exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static WfObject *int_to_bytes(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"to_bytes", "|OO$O", {"length", "byteorder", "signed", NULL}};
    WfObject *olength = NULL, *obyteorder = NULL, *osigned = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &olength, &obyteorder, &osigned) < 0) return NULL;
    wf_ssize length = 1;
    if (olength) {
        length = wf_int_as_ssize(olength);
        if (length == -1 && wf_err_occurred()) return NULL;
        if (length < 0) {
            wf_err_set_string(&wf_exc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little = parse_byteorder("to_bytes", obyteorder);
    if (little < 0) return NULL;
    int is_signed = 0;
    if (osigned) {
        is_signed = wf_object_is_true(osigned);
        if (is_signed < 0) return NULL;
    }
    WfIntView v;
    mpz_srcptr x = wf_int_view(self, &v);
    if (mpz_sgn(x) < 0 && !is_signed) {
        wf_err_set_string(&wf_exc_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    // Bits needed: unsigned → bit_length; signed → bit_length of x (x >= 0) or of ~x (x < 0), plus one.
    size_t need_bits;
    if (mpz_sgn(x) == 0) {
        need_bits = 0;
    } else if (mpz_sgn(x) > 0) {
        need_bits = mpz_sizeinbase(x, 2) + (is_signed ? 1 : 0);
    } else {
        mpz_t c;
        mpz_init(c);
        mpz_com(c, x);  // ~x = -x - 1 >= 0
        need_bits = (mpz_sgn(c) ? mpz_sizeinbase(c, 2) : 0) + 1;
        mpz_clear(c);
    }
    if ((double)need_bits > 8.0 * (double)length) {
        wf_err_set_string(&wf_exc_OverflowError, "int too big to convert");
        return NULL;
    }
    WfObject *b = wf_bytes_from_data(NULL, length);
    if (!b) return NULL;
    unsigned char *out = (unsigned char *)wf_bytes_data(b);
    memset(out, mpz_sgn(x) < 0 ? 0xFF : 0, (size_t)length);
    if (mpz_sgn(x) != 0) {
        mpz_t t;
        mpz_init(t);
        if (mpz_sgn(x) < 0) {
            mpz_ui_pow_ui(t, 2, 8 * (unsigned long)length);
            mpz_add(t, t, x);  // two's complement in `length` bytes
        } else {
            mpz_set(t, x);
        }
        size_t count = 0;
        size_t nbytes = (mpz_sizeinbase(t, 2) + 7) / 8;
        // Big-endian export into the tail of the buffer, then reverse for little.
        if (mpz_sgn(t) != 0) mpz_export(out + length - nbytes, &count, 1, 1, 1, 0, t);
        mpz_clear(t);
    }
    if (little) {
        for (wf_ssize i = 0, j = length - 1; i < j; i++, j--) {
            unsigned char tmp = out[i];
            out[i] = out[j];
            out[j] = tmp;
        }
    }
    return b;
}

static WfObject *int_from_bytes(WfObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"from_bytes", "O|O$O", {"bytes", "byteorder", "signed", NULL}};
    WfObject *obytes = NULL, *obyteorder = NULL, *osigned = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &obytes, &obyteorder, &osigned) < 0) return NULL;
    int little = parse_byteorder("from_bytes", obyteorder);
    if (little < 0) return NULL;
    int is_signed = 0;
    if (osigned) {
        is_signed = wf_object_is_true(osigned);
        if (is_signed < 0) return NULL;
    }
    WfObject *holder = NULL;
    const char *data;
    wf_ssize len;
    if (wf_bytes_check(obytes) || wf_bytearray_check(obytes)) {
        if (wf_bytes_like_get(obytes, &data, &len) < 0) return NULL;
    } else {
        holder = wf_bytes_from_object(obytes);
        if (!holder) return NULL;
        data = wf_bytes_data(holder);
        len = wf_bytes_size(holder);
    }
    mpz_t z;
    mpz_init(z);
    if (len > 0) mpz_import(z, (size_t)len, little ? -1 : 1, 1, 1, 0, data);
    if (is_signed && len > 0) {
        unsigned char top = (unsigned char)(little ? data[len - 1] : data[0]);
        if (top & 0x80) {
            mpz_t p;
            mpz_init(p);
            mpz_ui_pow_ui(p, 2, 8 * (unsigned long)len);
            mpz_sub(z, z, p);
            mpz_clear(p);
        }
    }
    wf_xdecref(holder);
    WfObject *r = wf_int_from_mpz_take(z);
    if (!r || (WfTypeObject *)type == &wf_int_type) return r;
    WfObject *sub = wf_object_call_one(type, r);
    wf_decref(r);
    return sub;
}

const WfMethodDef wf_int_methods[] = {
    WF_METHOD("conjugate", int_self, WF_METH_NOARGS,
              "conjugate($self, /)\n--\n\nReturns self, the complex conjugate of any int."),
    WF_METHOD("bit_length", int_bit_length, WF_METH_NOARGS,
              "bit_length($self, /)\n--\n\nNumber of bits necessary to represent self in binary.\n\n"
              ">>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"),
    WF_METHOD("bit_count", int_bit_count, WF_METH_NOARGS,
              "bit_count($self, /)\n--\n\nNumber of ones in the binary representation of the absolute value of self.\n\n"
              "Also known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"),
    WF_METHOD("to_bytes", int_to_bytes, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\n"
              "Return an array of bytes representing an integer.\n\n"
              "  length\n    Length of bytes object to use.  An OverflowError is raised if the\n"
              "    integer is not representable with the given number of bytes.  Default\n    is length 1.\n"
              "  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n"
              "    the most significant byte is at the beginning of the byte array.  If\n"
              "    byteorder is 'little', the most significant byte is at the end of the\n"
              "    byte array.  To request the native byte order of the host system, use\n"
              "    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n"
              "  signed\n    Determines whether two's complement is used to represent the integer.\n"
              "    If signed is False and a negative integer is given, an OverflowError\n    is raised."),
    WF_METHOD("from_bytes", int_from_bytes, WF_METH_FASTCALL | WF_METH_KEYWORDS | WF_METH_CLASS,
              "from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\n"
              "Return the integer represented by the given array of bytes.\n\n"
              "  bytes\n    Holds the array of bytes to convert.  The argument must either\n"
              "    support the buffer protocol or be an iterable object producing bytes.\n"
              "    Bytes and bytearray are examples of built-in objects that support the\n    buffer protocol.\n"
              "  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n"
              "    the most significant byte is at the beginning of the byte array.  If\n"
              "    byteorder is 'little', the most significant byte is at the end of the\n"
              "    byte array.  To request the native byte order of the host system, use\n"
              "    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n"
              "  signed\n    Indicates whether two's complement is used to represent the integer."),
    WF_METHOD("as_integer_ratio", int_as_integer_ratio, WF_METH_NOARGS,
              "as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\n"
              "Return a pair of integers, whose ratio is exactly equal to the original int\n"
              "and with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n"
              ">>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)"),
    WF_METHOD("is_integer", int_is_integer, WF_METH_NOARGS,
              "is_integer($self, /)\n--\n\nReturns True. Exists for duck type compatibility with float.is_integer."),
    WF_METHOD("__trunc__", int_self, WF_METH_NOARGS, "__trunc__($self, /)\n--\n\nTruncating an Integral returns itself."),
    WF_METHOD("__floor__", int_self, WF_METH_NOARGS, "__floor__($self, /)\n--\n\nFlooring an Integral returns itself."),
    WF_METHOD("__ceil__", int_self, WF_METH_NOARGS, "__ceil__($self, /)\n--\n\nCeiling of an Integral returns itself."),
    WF_METHOD("__round__", int_round, WF_METH_FASTCALL,
              "__round__($self, ndigits=<unrepresentable>, /)\n--\n\nRounding an Integral returns itself.\n\n"
              "Rounding with an ndigits argument also returns an integer."),
    WF_METHOD("__getnewargs__", int_getnewargs, WF_METH_NOARGS, NULL),
    WF_METHOD("__format__", int_format, WF_METH_O, "__format__($self, format_spec, /)\n--\n\n"),
    WF_METHOD("__sizeof__", int_sizeof, WF_METH_NOARGS, "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."),
    WF_METHOD_END,
};

static WfObject *get_self(WfObject *self, void *closure) { return wf_int_exact_copy(self); }
static WfObject *get_zero(WfObject *self, void *closure) { return wf_smallint_new(0); }
static WfObject *get_one(WfObject *self, void *closure) { return wf_smallint_new(1); }

const WfGetSetDef wf_int_getset[] = {
    {"real", get_self, NULL, "the real part of a complex number", NULL},
    {"imag", get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
