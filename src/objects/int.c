// int.c — the int type: construction, conversions, hashing, comparison, int().
//
// Invariants:
// - Every exact int whose value lies in [WF_SMALLINT_MIN, WF_SMALLINT_MAX] is a
//   tagged word; a WfIntObject of exact type int always holds a value outside
//   that range (wf_int_from_mpz*/wf_int_from_ssize normalize every result).
// - bool and int-subclass instances are WfIntObjects whatever their value.
// - A WfIntObject's mpz is written only while the object is being created;
//   afterwards it is immutable, so any thread may read it without locking. It
//   is never the output of a GMP call (GMP could realloc it): results are
//   computed in a thread-local scratch register or a temporary mpz and copied
//   or moved in. Values of at most two limbs live in small_limbs inside the
//   object (one allocation per result); larger ones own heap limbs.
// - GMP allocates through mimalloc (wf_int_init installs the memory functions
//   once, before any other thread exists).
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "objects/float.h"
#include "objects/int_internal.h"
#include "objects/identifiers.h"
#include "objects/str.h"
#include "objects/bytes.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"
#include "runtime/thread_state.h"

// sys.set_int_max_str_digits(): an independent configuration word; relaxed
// loads and stores suffice because no other memory is published with it.
static _Atomic(int) max_str_digits = WF_INT_MAX_STR_DIGITS_DEFAULT;

int wf_int_get_max_str_digits(void) { return atomic_load_explicit(&max_str_digits, memory_order_relaxed); }
void wf_int_set_max_str_digits(int n) { atomic_store_explicit(&max_str_digits, n, memory_order_relaxed); }

// ---------------------------------------------------------------------------
// Allocation and normalization

// Make o (zeroed by allocation) hold a copy of v, inline when it fits.
static void set_value(WfIntObject *o, mpz_srcptr v) {
    int size = v->_mp_size, n = size < 0 ? -size : size;
    if (n <= 2) {
        o->small_limbs[0] = n > 0 ? v->_mp_d[0] : 0;
        o->small_limbs[1] = n > 1 ? v->_mp_d[1] : 0;
        o->value->_mp_alloc = 2;
        o->value->_mp_size = size;
        o->value->_mp_d = o->small_limbs;
    } else {
        mpz_init_set(o->value, v);
    }
}

// Thread-local registers: initialized lazily by their thread, never shared.
static _Thread_local __mpz_struct scratch[2];
static _Thread_local bool scratch_ready[2];
#define SCRATCH_KEEP_LIMBS 32  // larger registers are handed to the result

mpz_ptr wf_int_scratch(int which) {
    if (WF_UNLIKELY(!scratch_ready[which])) {
        mpz_init(&scratch[which]);
        scratch_ready[which] = true;
    }
    return &scratch[which];
}

int wf_int_check_alloc(double bits) {
    if (bits < 8.0 * 1024 * 1024 * 8) return 0;  // under 8 MiB: not worth probing
    // Probe with twice the size: GMP needs the result plus temporaries.
    void *probe = bits < 9.0e18 ? wf_mem_malloc((size_t)(bits / 8.0) * 2) : NULL;
    if (!probe) {
        wf_err_no_memory();
        return -1;
    }
    wf_mem_free(probe);
    return 0;
}

WfObject *wf_int_alloc_big(mpz_srcptr v) {
    WfIntObject *o = (WfIntObject *)wf_object_alloc(&wf_int_type);
    if (!o) return NULL;
    set_value(o, v);
    return (WfObject *)o;
}

WfObject *wf_int_subtype_new(WfTypeObject *type, mpz_srcptr v) {
    WfIntObject *o = (WfIntObject *)wf_type_generic_alloc(type, 0);
    if (!o) return NULL;
    set_value(o, v);
    return (WfObject *)o;
}

// The value of v if it fits a tagged small int (inline: GMP's fits_slong_p
// is a function call, and this runs after every big-int operation).
WF_INLINE int mpz_small_value(mpz_srcptr v, intptr_t *out) {
    int size = v->_mp_size;
    if (size == 0) {
        *out = 0;
        return 1;
    }
    if (size > 1 || size < -1) return 0;
    mp_limb_t limb = v->_mp_d[0];
    if (limb > (mp_limb_t)WF_SMALLINT_MAX + (size < 0)) return 0;
    *out = size < 0 ? -(intptr_t)(limb - 1) - 1 : (intptr_t)limb;
    return 1;
}

WfObject *wf_int_from_mpz_take(mpz_t v) {
    intptr_t x;
    if (mpz_small_value(v, &x)) {
        mpz_clear(v);
        return wf_smallint_new(x);
    }
    WfIntObject *o = (WfIntObject *)wf_object_alloc(&wf_int_type);
    if (!o) {
        mpz_clear(v);
        return NULL;
    }
    int n = v->_mp_size < 0 ? -v->_mp_size : v->_mp_size;
    if (n <= 2) {
        set_value(o, v);
        mpz_clear(v);
    } else {
        o->value[0] = v[0];  // move: the object now owns the limbs
    }
    return (WfObject *)o;
}

WfObject *wf_int_from_scratch(mpz_ptr s) {
    intptr_t x;
    if (mpz_small_value(s, &x)) return wf_smallint_new(x);
    WfIntObject *o = (WfIntObject *)wf_object_alloc(&wf_int_type);
    if (!o) return NULL;
    int n = s->_mp_size < 0 ? -s->_mp_size : s->_mp_size;
    if (n > 2 && s->_mp_alloc > SCRATCH_KEEP_LIMBS) {
        o->value[0] = s[0];  // hand the grown register over; start a fresh one
        mpz_init(s);
    } else {
        set_value(o, s);
        if (s->_mp_alloc > SCRATCH_KEEP_LIMBS) {  // grown by a big operation: give the memory back
            mpz_clear(s);
            mpz_init(s);
        }
    }
    return (WfObject *)o;
}

WfObject *wf_int_from_mpz(const mpz_t v) {
    intptr_t x;
    if (mpz_small_value(v, &x)) return wf_smallint_new(x);
    return wf_int_alloc_big(v);
}

WfObject *wf_int_from_ssize(wf_ssize v) {
    if (WF_LIKELY(wf_smallint_fits(v))) return wf_smallint_new(v);
    mp_limb_t limb = v < 0 ? (mp_limb_t)0 - (mp_limb_t)v : (mp_limb_t)v;
    mpz_t z;
    mpz_roinit_n(z, &limb, v < 0 ? -1 : 1);
    return wf_int_alloc_big(z);
}

WfObject *wf_int_from_long_long(long long v) { return wf_int_from_ssize((wf_ssize)v); }

WfObject *wf_int_from_unsigned_long_long(unsigned long long v) {
    if (v <= (unsigned long long)WF_SMALLINT_MAX) return wf_smallint_new((intptr_t)v);
    mp_limb_t limb = (mp_limb_t)v;
    mpz_t z;
    mpz_roinit_n(z, &limb, 1);
    return wf_int_alloc_big(z);
}

WfObject *wf_int_from_size_t(size_t v) { return wf_int_from_unsigned_long_long(v); }

WfObject *wf_int_from_double(double d) {
    if (isinf(d)) return wf_err_format(&wf_exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return wf_err_format(&wf_exc_ValueError, "cannot convert float NaN to integer");
    if (d > -4.0e18 && d < 4.0e18) {
        intptr_t x = (intptr_t)d;  // truncates toward zero
        if (wf_smallint_fits(x)) return wf_smallint_new(x);
        return wf_int_from_ssize(x);
    }
    mpz_t z;
    mpz_init_set_d(z, d);  // exact: d is integral at this magnitude
    return wf_int_from_mpz_take(z);
}

WfObject *wf_int_exact_copy(WfObject *o) {
    if (wf_int_check_exact(o)) return wf_newref(o);
    return wf_int_from_mpz(((WfIntObject *)o)->value);
}

// ---------------------------------------------------------------------------
// Conversions to C

static WfObject *index_of(WfObject *o) {
    // o is not an int: go through __index__.
    return wf_number_index(o);
}

wf_ssize wf_int_as_ssize(WfObject *o) {
    if (WF_LIKELY(wf_is_smallint(o))) return wf_smallint_value(o);
    WfObject *i = o;
    if (!wf_int_check(o)) {
        i = index_of(o);
        if (!i) return -1;
        if (wf_is_smallint(i)) return wf_smallint_value(i);
    } else {
        wf_incref(i);
    }
    mpz_srcptr z = ((WfIntObject *)i)->value;
    wf_ssize r = -1;
    if (mpz_fits_slong_p(z)) r = (wf_ssize)mpz_get_si(z);
    else wf_err_set_string(&wf_exc_OverflowError, "Python int too large to convert to C ssize_t");
    wf_decref(i);
    return r;
}

long long wf_int_as_long_long_overflow(WfObject *o, int *overflow) {
    *overflow = 0;
    if (WF_LIKELY(wf_is_smallint(o))) return wf_smallint_value(o);
    WfObject *i = o;
    if (!wf_int_check(o)) {
        i = index_of(o);
        if (!i) return -1;
        if (wf_is_smallint(i)) return wf_smallint_value(i);
    } else {
        wf_incref(i);
    }
    mpz_srcptr z = ((WfIntObject *)i)->value;
    long long r;
    if (mpz_fits_slong_p(z)) {
        r = mpz_get_si(z);
    } else {
        *overflow = mpz_sgn(z);
        r = -1;
    }
    wf_decref(i);
    return r;
}

long long wf_int_as_long_long(WfObject *o) {
    int overflow;
    long long r = wf_int_as_long_long_overflow(o, &overflow);
    if (overflow) wf_err_set_string(&wf_exc_OverflowError, "Python int too large to convert to C long");
    return r;
}

// Correctly rounded (half to even) conversion of an mpz to double. Sets
// *overflow when the result does not fit a finite double.
static double mpz_to_double_rounded(mpz_srcptr z, int *overflow) {
    *overflow = 0;
    size_t nbits = mpz_sizeinbase(z, 2);
    if (mpz_sgn(z) == 0) return 0.0;
    if (nbits <= 53) return mpz_get_d(z);  // exact
    if (nbits > 1024) {
        *overflow = 1;
        return 0.0;
    }
    // Keep the top 55 bits (53 + guard + round) plus a sticky bit.
    size_t shift = nbits - 55;
    mpz_t t;
    mpz_init(t);
    mpz_tdiv_q_2exp(t, z, shift);  // |t| < 2^55
    uint64_t x = (uint64_t)mpz_getlimbn(t, 0);
    mpz_clear(t);
    // Lowest set bit: for negatives mpz_scan1 sees two's complement, whose
    // lowest set bit is that of |z|.
    int sticky = mpz_scan1(z, 0) < shift;
    // Round 55 bits to 53: look at the 2 low bits and the sticky bit.
    uint64_t low = x & 3;
    x >>= 2;
    if (low > 2 || (low == 2 && (sticky || (x & 1)))) x++;
    double d = ldexp((double)x, (int)(shift + 2));
    if (isinf(d)) {
        *overflow = 1;
        return 0.0;
    }
    return mpz_sgn(z) < 0 ? -d : d;
}

double wf_int_as_double(WfObject *o) {
    if (WF_LIKELY(wf_is_smallint(o))) return (double)wf_smallint_value(o);
    WfObject *i = o;
    if (!wf_int_check(o)) {
        i = index_of(o);
        if (!i) return -1.0;
        if (wf_is_smallint(i)) return (double)wf_smallint_value(i);
    } else {
        wf_incref(i);
    }
    int overflow;
    double d = mpz_to_double_rounded(((WfIntObject *)i)->value, &overflow);
    wf_decref(i);
    if (overflow) {
        wf_err_set_string(&wf_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

void wf_int_get_mpz(WfObject *o, mpz_t out) {
    WfIntView v;
    mpz_set(out, wf_int_view(o, &v));
}

int wf_int_sign(WfObject *o) {
    if (wf_is_smallint(o)) {
        intptr_t x = wf_smallint_value(o);
        return (x > 0) - (x < 0);
    }
    return mpz_sgn(((WfIntObject *)o)->value);
}

// ---------------------------------------------------------------------------
// Hash (CPython's: value mod 2**61 - 1 with the sign; -1 maps to -2)

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

intptr_t wf_int_hash(WfObject *o) {
    uint64_t h;
    int neg;
    if (wf_is_smallint(o)) {
        intptr_t x = wf_smallint_value(o);
        neg = x < 0;
        uint64_t a = neg ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        h = a >= HASH_MODULUS ? a - HASH_MODULUS : a;  // a <= 2**61
    } else {
        mpz_srcptr z = ((WfIntObject *)o)->value;
        neg = mpz_sgn(z) < 0;
        h = mpz_tdiv_ui(z, HASH_MODULUS);  // |z| mod M
    }
    intptr_t r = neg ? -(intptr_t)h : (intptr_t)h;
    return r == -1 ? -2 : r;
}

// ---------------------------------------------------------------------------
// Comparison

int wf_int_compare(WfObject *a, WfObject *b) {
    if (wf_is_smallint(a) && wf_is_smallint(b)) {
        intptr_t x = wf_smallint_value(a), y = wf_smallint_value(b);
        return (x > y) - (x < y);
    }
    WfIntView va, vb;
    int c = mpz_cmp(wf_int_view(a, &va), wf_int_view(b, &vb));
    return (c > 0) - (c < 0);
}

int wf_int_compare_double(WfObject *i, double d) {
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (wf_is_smallint(i)) {
        intptr_t x = wf_smallint_value(i);
        if (x > -((intptr_t)1 << 53) && x < ((intptr_t)1 << 53)) {
            double xd = (double)x;
            return (xd > d) - (xd < d);
        }
    }
    WfIntView v;
    int c = mpz_cmp_d(wf_int_view(i, &v), d);  // exact
    return (c > 0) - (c < 0);
}

WfObject *wf_int_richcompare(WfObject *a, WfObject *b, int op) {
    if (!wf_int_check(a) || !wf_int_check(b)) return wf_NotImplemented;
    int c = wf_int_compare(a, b);
    bool r;
    switch (op) {
    case WF_LT: r = c < 0; break;
    case WF_LE: r = c <= 0; break;
    case WF_EQ: r = c == 0; break;
    case WF_NE: r = c != 0; break;
    case WF_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return wf_bool_from(r);
}

// ---------------------------------------------------------------------------
// int(x), int(x, base)

static WfObject *check_int_result(WfObject *r, WfObject *o, const char *what) {
    if (!r) return NULL;
    if (wf_int_check_exact(r)) return r;
    if (wf_int_check(r)) {
        char msg[400];
        snprintf(msg, sizeof msg,
                 "%s returned non-int (type %.200s).  The ability to return an instance of a strict "
                 "subclass of int is deprecated, and may be removed in a future version of Python.",
                 what, wf_type_name(WF_TYPE(r)));
        if (wf_err_warn(&wf_exc_DeprecationWarning, msg, 1) < 0) {
            wf_decref(r);
            return NULL;
        }
        WfObject *e = wf_int_exact_copy(r);
        wf_decref(r);
        return e;
    }
    wf_err_format(&wf_exc_TypeError, "%s returned non-int (type %s)", what, wf_type_name(WF_TYPE(r)));
    wf_decref(r);
    return NULL;
}

static WfObject *int_from_buffer(const char *data, wf_ssize len, int base, WfObject *orig) {
    int bad = 0;
    WfObject *r = wf_int_parse(data, len, base, &bad);
    if (!r && bad) return wf_int_invalid_literal(base, orig);
    return r;
}

static WfObject *int_from_str(WfObject *s, int base) {
    wf_ssize len;
    char *buf = wf_number_str_to_ascii(s, &len);
    if (!buf) return NULL;
    WfObject *r = int_from_buffer(buf, len, base, s);
    wf_mem_free(buf);
    return r;
}

WfObject *wf_int_from_object(WfObject *o) {
    if (wf_int_check_exact(o)) return wf_newref(o);
    WfTypeObject *t = WF_TYPE(o);
    WfNumberMethods *nb = t->tp_as_number;
    if (nb && nb->nb_int) return check_int_result(nb->nb_int(o), o, "__int__");
    if (nb && nb->nb_index) return check_int_result(nb->nb_index(o), o, "__index__");
    int found;
    WfObject *r = wf_object_call_special(o, WF_ID(__trunc__), NULL, 0, &found);
    if (found) {
        if (!r) return NULL;
        if (wf_err_warn(&wf_exc_DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.", 1) < 0) {
            wf_decref(r);
            return NULL;
        }
        if (wf_int_check_exact(r)) return r;
        if (wf_int_check(r)) {
            WfObject *e = wf_int_exact_copy(r);
            wf_decref(r);
            return e;
        }
        WfNumberMethods *rnb = WF_TYPE(r)->tp_as_number;
        if (!rnb || !rnb->nb_index) {
            wf_err_format(&wf_exc_TypeError, "__trunc__ returned non-Integral (type %s)", wf_type_name(WF_TYPE(r)));
            wf_decref(r);
            return NULL;
        }
        WfObject *i = check_int_result(rnb->nb_index(r), r, "__index__");
        wf_decref(r);
        return i;
    }
    if (wf_str_check(o)) return int_from_str(o, 10);
    if (wf_bytes_check(o) || wf_bytearray_check(o)) {
        const char *data;
        wf_ssize len;
        if (wf_bytes_like_get(o, &data, &len) < 0) return NULL;
        return int_from_buffer(data, len, 10, o);
    }
    return wf_err_format(&wf_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                         wf_type_name(t));
}

WfObject *wf_int_from_string(const char *s, wf_ssize len, int base) {
    int bad = 0;
    WfObject *r = wf_int_parse(s, len, base, &bad);
    if (!r && bad) {
        WfObject *orig = wf_str_from_utf8(s, len);
        if (!orig) return NULL;
        wf_int_invalid_literal(base, orig);
        wf_decref(orig);
    }
    return r;
}

static WfObject *int_new_exact(WfObject *x, WfObject *obase) {
    if (!obase) {
        if (!x) return wf_smallint_new(0);
        return wf_int_from_object(x);
    }
    if (!x) return wf_err_format(&wf_exc_TypeError, "int() missing string argument");
    int overflow;
    long long b = wf_int_as_long_long_overflow(obase, &overflow);
    if (b == -1 && !overflow && wf_err_occurred()) return NULL;
    if (overflow || (b != 0 && (b < 2 || b > 36)))
        return wf_err_format(&wf_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (wf_str_check(x)) return int_from_str(x, (int)b);
    if (wf_bytes_check(x) || wf_bytearray_check(x)) {
        const char *data;
        wf_ssize len;
        if (wf_bytes_like_get(x, &data, &len) < 0) return NULL;
        return int_from_buffer(data, len, (int)b, x);
    }
    return wf_err_format(&wf_exc_TypeError, "int() can't convert non-string with explicit base");
}

static WfObject *int_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *x = NULL, *base = NULL;
    if (nargs > 2) return wf_err_format(&wf_exc_TypeError, "int() takes at most 2 arguments (%zu given)", nargs);
    if (nargs >= 1) x = args[0];
    if (nargs == 2) base = args[1];
    if (kwnames) {
        wf_ssize nk = wf_tuple_size(kwnames);
        WfObject **names = wf_tuple_items(kwnames);
        if (nargs + (size_t)nk > 2)
            return wf_err_format(&wf_exc_TypeError, "int() takes at most 2 arguments (%zu given)", nargs + (size_t)nk);
        for (wf_ssize i = 0; i < nk; i++) {
            if (wf_str_check(names[i]) && wf_str_equal_cstr(names[i], "base")) {
                if (base) return wf_err_format(&wf_exc_TypeError, "argument for int() given by name ('base') and position (2)");
                base = args[nargs + i];
            } else {
                return wf_err_format(&wf_exc_TypeError, "%R is an invalid keyword argument for int()", names[i]);
            }
        }
    }
    WfObject *r = int_new_exact(x, base);
    if (!r || type == &wf_int_type) return r;
    // Subclass: copy the value into an instance of `type`.
    WfIntView v;
    WfObject *sub = wf_int_subtype_new(type, wf_int_view(r, &v));
    wf_decref(r);
    return sub;
}

// ---------------------------------------------------------------------------
// The type

void wf_int_dealloc(WfObject *o) {
    WfIntObject *io = (WfIntObject *)o;
    if (io->value->_mp_d != io->small_limbs) mpz_clear(io->value);
    WfTypeObject *t = o->ob_type;
    if (t->tp_free) t->tp_free(o);
    else wf_object_free(o);
}

WfNumberMethods wf_int_as_number = {
    .nb_add = wf_int_add,
    .nb_subtract = wf_int_subtract,
    .nb_multiply = wf_int_multiply,
    .nb_remainder = wf_int_remainder,
    .nb_divmod = wf_int_divmod,
    .nb_power = wf_int_power,
    .nb_negative = wf_int_negative,
    .nb_positive = wf_int_positive,
    .nb_absolute = wf_int_absolute,
    .nb_bool = wf_int_bool,
    .nb_invert = wf_int_invert,
    .nb_lshift = wf_int_lshift,
    .nb_rshift = wf_int_rshift,
    .nb_and = wf_int_and,
    .nb_xor = wf_int_xor,
    .nb_or = wf_int_or,
    .nb_int = wf_int_int,
    .nb_float = wf_int_float,
    .nb_floor_divide = wf_int_floor_divide,
    .nb_true_divide = wf_int_true_divide,
    .nb_index = wf_int_int,
};

WfTypeObject wf_int_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "int",
    .tp_basicsize = sizeof(WfIntObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_INT_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "int([x]) -> integer\n"
              "int(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.  If x is a number, return x.__int__().  For floating point\n"
              "numbers, this truncates towards zero.\n\n"
              "If x is not a number or if base is given, then x must be a string,\n"
              "bytes, or bytearray instance representing an integer literal in the\n"
              "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
              "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
              "Base 0 means to interpret the base from the string as an integer literal.\n"
              ">>> int('0b100', base=0)\n"
              "4",
    .tp_dealloc = wf_int_dealloc,
    .tp_repr = wf_int_repr,
    .tp_hash = wf_int_hash,
    .tp_richcompare = wf_int_richcompare,
    .tp_as_number = &wf_int_as_number,
    .tp_methods = wf_int_methods,
    .tp_getset = wf_int_getset,
    .tp_new = int_new,
};

// ---------------------------------------------------------------------------
// Start-up

static void *gmp_alloc(size_t n) {
    void *p = wf_mem_malloc(n);
    if (!p) {
        // GMP cannot report failure; this is the one unrecoverable path.
        fputs("Fatal Python error: out of memory in GMP\n", stderr);
        abort();
    }
    return p;
}

static void *gmp_realloc(void *p, size_t old, size_t n) {
    (void)old;
    void *q = wf_mem_realloc(p, n);
    if (!q) {
        fputs("Fatal Python error: out of memory in GMP\n", stderr);
        abort();
    }
    return q;
}

static void gmp_free(void *p, size_t n) {
    (void)n;
    wf_mem_free(p);
}

int wf_int_init(void) {
    static int done = 0;  // start-up runs on the main thread before any other exists
    if (done) return 0;
    done = 1;
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    if (!wf_runtime.flag_ignore_environment) {
        const char *env = getenv("PYTHONINTMAXSTRDIGITS");
        if (env && *env) {
            char *end;
            long n = strtol(env, &end, 10);
            if (*end == '\0' && (n == 0 || (n >= WF_INT_MAX_STR_DIGITS_THRESHOLD && n <= INT32_MAX)))
                wf_int_set_max_str_digits((int)n);
        }
    }
    if (wf_type_ready(&wf_int_type) < 0) return -1;
    return 0;
}

int wf_numbers_init(void) {
    if (wf_int_init() < 0) return -1;
    if (wf_bool_init() < 0) return -1;
    if (wf_float_init() < 0) return -1;
    if (wf_complex_init() < 0) return -1;
    return 0;
}
