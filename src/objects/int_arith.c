// int_arith.c — arithmetic number slots of int: + - * // % divmod / ** and
// the unary operations.
//
// Invariant: every slot returns an exact int normalized to a tagged word when
// it fits (wf_int_from_ssize / wf_int_from_scratch), whatever the operand
// types (bool, subclasses); operands that are not ints give NotImplemented.
// Tagged operands are handled without touching memory; operands that fit a
// machine word use overflow-checked builtins before falling back to GMP.
#include <float.h>
#include <math.h>

#include "objects/float.h"
#include "objects/int_internal.h"
#include "objects/tuple.h"
#include "runtime/error.h"

#define CHECK_BINOP(a, b) \
    do { if (!wf_int_check(a) || !wf_int_check(b)) return wf_NotImplemented; } while (0)

// Both operands as machine words when they fit (tagged, bool, small subclass values).
WF_INLINE int both_words(WfObject *a, WfObject *b, intptr_t *x, intptr_t *y) {
    int ok;
    *x = wf_int_small_value(a, &ok);
    if (!ok) return 0;
    *y = wf_int_small_value(b, &ok);
    return ok;
}

// ---------------------------------------------------------------------------
// + - *

WfObject *wf_int_add(WfObject *a, WfObject *b) {
    if (WF_LIKELY(wf_is_smallint(a) && wf_is_smallint(b)))
        return wf_int_from_ssize(wf_smallint_value(a) + wf_smallint_value(b));  // 62-bit: no overflow
    CHECK_BINOP(a, b);
    intptr_t x, y, r;
    if (both_words(a, b, &x, &y) && !__builtin_add_overflow(x, y, &r)) return wf_int_from_ssize(r);
    WfIntView va, vb;
    mpz_ptr z = wf_int_scratch(0);
    mpz_add(z, wf_int_view(a, &va), wf_int_view(b, &vb));
    return wf_int_from_scratch(z);
}

WfObject *wf_int_subtract(WfObject *a, WfObject *b) {
    if (WF_LIKELY(wf_is_smallint(a) && wf_is_smallint(b)))
        return wf_int_from_ssize(wf_smallint_value(a) - wf_smallint_value(b));
    CHECK_BINOP(a, b);
    intptr_t x, y, r;
    if (both_words(a, b, &x, &y) && !__builtin_sub_overflow(x, y, &r)) return wf_int_from_ssize(r);
    WfIntView va, vb;
    mpz_ptr z = wf_int_scratch(0);
    mpz_sub(z, wf_int_view(a, &va), wf_int_view(b, &vb));
    return wf_int_from_scratch(z);
}

WfObject *wf_int_multiply(WfObject *a, WfObject *b) {
    intptr_t r;
    if (WF_LIKELY(wf_is_smallint(a) && wf_is_smallint(b))) {
        if (!__builtin_mul_overflow(wf_smallint_value(a), wf_smallint_value(b), &r)) return wf_int_from_ssize(r);
    } else {
        CHECK_BINOP(a, b);
        intptr_t x, y;
        if (both_words(a, b, &x, &y) && !__builtin_mul_overflow(x, y, &r)) return wf_int_from_ssize(r);
    }
    WfIntView va, vb;
    mpz_ptr z = wf_int_scratch(0);
    mpz_mul(z, wf_int_view(a, &va), wf_int_view(b, &vb));
    return wf_int_from_scratch(z);
}

// ---------------------------------------------------------------------------
// // % divmod (floor semantics: the remainder has the sign of the divisor)

static WfObject *zero_division(const char *msg) {
    wf_err_set_string(&wf_exc_ZeroDivisionError, msg);
    return NULL;
}

// x, y machine words, y != 0, and x / y cannot overflow (not MIN / -1).
WF_INLINE void floor_divmod_words(intptr_t x, intptr_t y, intptr_t *q, intptr_t *m) {
    intptr_t qq = x / y, mm = x % y;
    if (mm != 0 && ((mm ^ y) < 0)) {
        mm += y;
        qq--;
    }
    *q = qq;
    *m = mm;
}

WF_INLINE int words_divisible(WfObject *a, WfObject *b, intptr_t *x, intptr_t *y) {
    return both_words(a, b, x, y) && *y != 0 && !(*x == INTPTR_MIN && *y == -1);
}

WfObject *wf_int_floor_divide(WfObject *a, WfObject *b) {
    CHECK_BINOP(a, b);
    intptr_t x, y, q, m;
    if (wf_int_sign(b) == 0) return zero_division("integer division or modulo by zero");
    if (words_divisible(a, b, &x, &y)) {
        floor_divmod_words(x, y, &q, &m);
        return wf_int_from_ssize(q);
    }
    WfIntView va, vb;
    mpz_ptr z = wf_int_scratch(0);
    mpz_fdiv_q(z, wf_int_view(a, &va), wf_int_view(b, &vb));
    return wf_int_from_scratch(z);
}

WfObject *wf_int_remainder(WfObject *a, WfObject *b) {
    CHECK_BINOP(a, b);
    intptr_t x, y, q, m;
    if (wf_int_sign(b) == 0) return zero_division("integer modulo by zero");
    if (words_divisible(a, b, &x, &y)) {
        floor_divmod_words(x, y, &q, &m);
        return wf_int_from_ssize(m);
    }
    WfIntView va, vb;
    mpz_ptr z = wf_int_scratch(0);
    mpz_fdiv_r(z, wf_int_view(a, &va), wf_int_view(b, &vb));
    return wf_int_from_scratch(z);
}

WfObject *wf_int_divmod(WfObject *a, WfObject *b) {
    CHECK_BINOP(a, b);
    intptr_t x, y, q, m;
    if (wf_int_sign(b) == 0) return zero_division("integer division or modulo by zero");
    WfObject *oq, *om;
    if (words_divisible(a, b, &x, &y)) {
        floor_divmod_words(x, y, &q, &m);
        oq = wf_int_from_ssize(q);
        if (!oq) return NULL;
        om = wf_int_from_ssize(m);
    } else {
        WfIntView va, vb;
        mpz_ptr zq = wf_int_scratch(0), zr = wf_int_scratch(1);
        mpz_fdiv_qr(zq, zr, wf_int_view(a, &va), wf_int_view(b, &vb));
        oq = wf_int_from_scratch(zq);
        if (!oq) return NULL;
        om = wf_int_from_scratch(zr);
    }
    if (!om) {
        wf_decref(oq);
        return NULL;
    }
    WfObject *t = wf_tuple_new(2);
    if (!t) {
        wf_decref(oq);
        wf_decref(om);
        return NULL;
    }
    wf_tuple_set_take(t, 0, oq);
    wf_tuple_set_take(t, 1, om);
    return t;
}

// ---------------------------------------------------------------------------
// True division: correctly rounded (CPython's long_true_divide algorithm).

static double true_divide_mpz(mpz_srcptr a, mpz_srcptr b, int *overflow) {
    *overflow = 0;
    int negate = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0) return negate ? -0.0 : 0.0;
    long a_bits = (long)mpz_sizeinbase(a, 2), b_bits = (long)mpz_sizeinbase(b, 2);
    long diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP) {
        *overflow = 1;
        return 0.0;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negate ? -0.0 : 0.0;
    long shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    int inexact = 0;
    mpz_t x, r, absb;
    mpz_init(x);
    mpz_init(r);
    mpz_roinit_n(absb, mpz_limbs_read(b), (mp_size_t)mpz_size(b));  // |b|
    mpz_abs(x, a);
    if (shift <= 0) {
        mpz_mul_2exp(x, x, (mp_bitcnt_t)-shift);
    } else {
        if (mpz_scan1(x, 0) < (mp_bitcnt_t)shift) inexact = 1;
        mpz_tdiv_q_2exp(x, x, (mp_bitcnt_t)shift);
    }
    mpz_tdiv_qr(x, r, x, absb);
    if (mpz_sgn(r) != 0) inexact = 1;
    long x_bits = (long)mpz_sizeinbase(x, 2);
    long extra_bits = (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra_bits - 1);
    uint64_t low = (uint64_t)mpz_getlimbn(x, 0) | (uint64_t)inexact;
    if ((low & mask) && (low & (3U * mask - 1U))) low += mask;
    low &= ~(2U * mask - 1U);
    // x has at most DBL_MANT_DIG + 3 bits, so it is the single limb `low`.
    double dx = (double)low;
    mpz_clear(x);
    mpz_clear(r);
    if (shift + x_bits >= DBL_MAX_EXP && (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits))) {
        *overflow = 1;
        return 0.0;
    }
    double result = ldexp(dx, (int)shift);
    return negate ? -result : result;
}

WfObject *wf_int_true_divide(WfObject *a, WfObject *b) {
    CHECK_BINOP(a, b);
    intptr_t x, y;
    if (both_words(a, b, &x, &y)) {
        if (y == 0) return zero_division("division by zero");
        const intptr_t lim = (intptr_t)1 << DBL_MANT_DIG;
        if (x >= -lim && x <= lim && y >= -lim && y <= lim) return wf_float_new((double)x / (double)y);
    } else if (wf_int_sign(b) == 0) {
        return zero_division("division by zero");
    }
    WfIntView va, vb;
    int overflow;
    double d = true_divide_mpz(wf_int_view(a, &va), wf_int_view(b, &vb), &overflow);
    if (overflow) {
        wf_err_set_string(&wf_exc_OverflowError, "integer division result too large for a float");
        return NULL;
    }
    return wf_float_new(d);
}

// ---------------------------------------------------------------------------
// ** and pow(a, b, m)

static WfObject *pow_mod(WfObject *a, WfObject *b, WfObject *m) {
    if (wf_int_sign(m) == 0) {
        wf_err_set_string(&wf_exc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    WfIntView va, vb, vm;
    mpz_srcptr zm = wf_int_view(m, &vm);
    mpz_t absm, base, exp, r;
    mpz_init(absm);
    mpz_abs(absm, zm);
    if (mpz_cmp_ui(absm, 1) == 0) {
        mpz_clear(absm);
        return wf_smallint_new(0);
    }
    mpz_init_set(base, wf_int_view(a, &va));
    mpz_init_set(exp, wf_int_view(b, &vb));
    mpz_init(r);
    if (mpz_sgn(exp) < 0) {
        if (!mpz_invert(base, base, absm)) {
            mpz_clears(absm, base, exp, r, NULL);
            wf_err_set_string(&wf_exc_ValueError, "base is not invertible for the given modulus");
            return NULL;
        }
        mpz_neg(exp, exp);
    }
    mpz_powm(r, base, exp, absm);  // 0 <= r < |m|
    if (mpz_sgn(zm) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, absm);
    mpz_clears(absm, base, exp, NULL);
    return wf_int_from_mpz_take(r);
}

WfObject *wf_int_power(WfObject *a, WfObject *b, WfObject *mod) {
    CHECK_BINOP(a, b);
    if (mod != wf_None) {
        if (!wf_int_check(mod)) return wf_NotImplemented;
        return pow_mod(a, b, mod);
    }
    int bsign = wf_int_sign(b);
    if (bsign < 0) return wf_float_power(a, b, mod);  // negative exponent: float result
    if (bsign == 0) return wf_smallint_new(1);
    int ok;
    intptr_t e = wf_int_small_value(b, &ok);
    intptr_t x = wf_int_small_value(a, &ok);
    if (ok && wf_is_smallint(b)) {
        // Repeated squaring on machine words while nothing overflows.
        intptr_t result = 1, base = x;
        uintptr_t n = (uintptr_t)e;
        for (;;) {
            if (n & 1) {
                if (__builtin_mul_overflow(result, base, &result)) goto big;
            }
            n >>= 1;
            if (!n) break;
            if (__builtin_mul_overflow(base, base, &base)) goto big;
        }
        return wf_int_from_ssize(result);
    }
big:;
    WfIntView va;
    mpz_srcptr za = wf_int_view(a, &va);
    // |a| <= 1: the result is 0, 1 or ±1 whatever the size of b.
    if (mpz_cmpabs_ui(za, 1) <= 0) {
        if (mpz_sgn(za) == 0) return wf_smallint_new(0);
        if (mpz_sgn(za) > 0) return wf_smallint_new(1);
        WfIntView vb;
        return wf_smallint_new(mpz_odd_p(wf_int_view(b, &vb)) ? -1 : 1);
    }
    if (!wf_is_smallint(b)) {
        WfIntView vb;
        if (!mpz_fits_ulong_p(wf_int_view(b, &vb))) return wf_err_no_memory();
        e = (intptr_t)mpz_get_ui(wf_int_view(b, &vb));
    }
    // Refuse results that cannot possibly be allocated (GMP aborts on failure).
    if (wf_int_check_alloc((double)mpz_sizeinbase(za, 2) * (double)e) < 0) return NULL;
    mpz_ptr z = wf_int_scratch(0);
    mpz_pow_ui(z, za, (unsigned long)e);
    return wf_int_from_scratch(z);
}

// ---------------------------------------------------------------------------
// Unary operations

WfObject *wf_int_negative(WfObject *a) {
    if (WF_LIKELY(wf_is_smallint(a))) return wf_int_from_ssize(-wf_smallint_value(a));
    mpz_ptr z = wf_int_scratch(0);
    mpz_neg(z, ((WfIntObject *)a)->value);
    return wf_int_from_scratch(z);
}

WfObject *wf_int_positive(WfObject *a) { return wf_int_exact_copy(a); }

WfObject *wf_int_absolute(WfObject *a) {
    if (WF_LIKELY(wf_is_smallint(a))) {
        intptr_t x = wf_smallint_value(a);
        return x < 0 ? wf_int_from_ssize(-x) : a;
    }
    if (mpz_sgn(((WfIntObject *)a)->value) >= 0) return wf_int_exact_copy(a);
    return wf_int_negative(a);
}

int wf_int_bool(WfObject *a) {
    if (WF_LIKELY(wf_is_smallint(a))) return wf_smallint_value(a) != 0;
    return mpz_sgn(((WfIntObject *)a)->value) != 0;
}

WfObject *wf_int_int(WfObject *a) { return wf_int_exact_copy(a); }

WfObject *wf_int_float(WfObject *a) {
    double d = wf_int_as_double(a);
    if (d == -1.0 && wf_err_occurred()) return NULL;
    return wf_float_new(d);
}
