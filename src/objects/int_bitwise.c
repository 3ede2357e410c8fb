// int_bitwise.c — ~ << >> & | ^ on ints with two's-complement semantics for
// negative values (GMP's mpz_and/ior/xor/com and floor shifts give exactly
// Python's infinite two's-complement view).
//
// Invariant: results are exact ints, tagged when they fit; non-int operands
// give NotImplemented.
#include "objects/int_internal.h"
#include "runtime/error.h"

#define CHECK_BINOP(a, b) \
    do { if (!wf_int_check(a) || !wf_int_check(b)) return wf_NotImplemented; } while (0)

WfObject *wf_int_invert(WfObject *a) {
    if (WF_LIKELY(wf_is_smallint(a))) return wf_smallint_new(~wf_smallint_value(a));  // range is symmetric under ~
    mpz_ptr z = wf_int_scratch(0);
    mpz_com(z, ((WfIntObject *)a)->value);
    return wf_int_from_scratch(z);
}

// Shift count: >= 0 machine word, or *huge = 1 when it does not fit one.
static int shift_count(WfObject *b, intptr_t *count, int *huge) {
    *huge = 0;
    if (wf_int_sign(b) < 0) {
        wf_err_set_string(&wf_exc_ValueError, "negative shift count");
        return -1;
    }
    int ok;
    *count = wf_int_small_value(b, &ok);
    if (!ok) *huge = 1;
    return 0;
}

WfObject *wf_int_lshift(WfObject *a, WfObject *b) {
    CHECK_BINOP(a, b);
    intptr_t s;
    int huge;
    if (shift_count(b, &s, &huge) < 0) return NULL;
    if (wf_int_sign(a) == 0) return wf_smallint_new(0);
    if (huge) {
        wf_err_set_string(&wf_exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    int ok;
    intptr_t x = wf_int_small_value(a, &ok);
    if (ok && s < 62) {
        intptr_t r = (intptr_t)((uintptr_t)x << s);
        if ((r >> s) == x && wf_smallint_fits(r)) return wf_smallint_new(r);
    }
    WfIntView va;
    mpz_srcptr za = wf_int_view(a, &va);
    if (wf_int_check_alloc((double)mpz_sizeinbase(za, 2) + (double)s) < 0) return NULL;
    mpz_ptr z = wf_int_scratch(0);
    mpz_mul_2exp(z, za, (mp_bitcnt_t)s);
    return wf_int_from_scratch(z);
}

WfObject *wf_int_rshift(WfObject *a, WfObject *b) {
    CHECK_BINOP(a, b);
    intptr_t s;
    int huge;
    if (shift_count(b, &s, &huge) < 0) return NULL;
    int ok;
    intptr_t x = wf_int_small_value(a, &ok);
    if (ok) {
        if (huge || s >= 63) return wf_smallint_new(x < 0 ? -1 : 0);
        return wf_int_from_ssize(x >> s);  // arithmetic shift = floor division by 2**s
    }
    WfIntView va;
    mpz_srcptr za = wf_int_view(a, &va);
    if (huge) return wf_smallint_new(mpz_sgn(za) < 0 ? -1 : 0);
    mpz_ptr z = wf_int_scratch(0);
    mpz_fdiv_q_2exp(z, za, (mp_bitcnt_t)s);
    return wf_int_from_scratch(z);
}

typedef void (*MpzBitOp)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static WfObject *bitop_big(WfObject *a, WfObject *b, MpzBitOp op) {
    WfIntView va, vb;
    mpz_ptr z = wf_int_scratch(0);
    op(z, wf_int_view(a, &va), wf_int_view(b, &vb));
    return wf_int_from_scratch(z);
}

WfObject *wf_int_and(WfObject *a, WfObject *b) {
    if (WF_LIKELY(wf_is_smallint(a) && wf_is_smallint(b))) return (WfObject *)((uintptr_t)a & (uintptr_t)b);
    CHECK_BINOP(a, b);
    intptr_t x, y;
    int okx, oky;
    x = wf_int_small_value(a, &okx);
    y = wf_int_small_value(b, &oky);
    if (okx && oky) return wf_int_from_ssize(x & y);
    return bitop_big(a, b, mpz_and);
}

WfObject *wf_int_or(WfObject *a, WfObject *b) {
    if (WF_LIKELY(wf_is_smallint(a) && wf_is_smallint(b))) return (WfObject *)((uintptr_t)a | (uintptr_t)b);
    CHECK_BINOP(a, b);
    intptr_t x, y;
    int okx, oky;
    x = wf_int_small_value(a, &okx);
    y = wf_int_small_value(b, &oky);
    if (okx && oky) return wf_int_from_ssize(x | y);
    return bitop_big(a, b, mpz_ior);
}

WfObject *wf_int_xor(WfObject *a, WfObject *b) {
    if (WF_LIKELY(wf_is_smallint(a) && wf_is_smallint(b)))
        return wf_smallint_new(wf_smallint_value(a) ^ wf_smallint_value(b));
    CHECK_BINOP(a, b);
    intptr_t x, y;
    int okx, oky;
    x = wf_int_small_value(a, &okx);
    y = wf_int_small_value(b, &oky);
    if (okx && oky) return wf_int_from_ssize(x ^ y);
    return bitop_big(a, b, mpz_xor);
}
