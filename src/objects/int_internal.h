// int_internal.h — helpers shared by the int_*.c / bool.c / float*.c files of
// the numbers area. Not for use outside src/objects/{int,bool,float,complex}*.c.
//
// Invariant: a WfIntView is a read-only mpz over a stack limb; it never owns
// memory and must not outlive the view struct it was built in.
#ifndef WF_INT_INTERNAL_H
#define WF_INT_INTERNAL_H

#include <gmp.h>

#include "objects/int.h"

// Read-only mpz view of any int (small, big, bool, subclass) without allocating.
typedef struct {
    mpz_t z;
    mp_limb_t limb;
} WfIntView;

WF_INLINE mpz_srcptr wf_int_view(WfObject *o, WfIntView *v) {
    if (wf_is_smallint(o)) {
        intptr_t x = wf_smallint_value(o);
        v->limb = x < 0 ? (mp_limb_t)0 - (mp_limb_t)x : (mp_limb_t)x;
        // What mpz_roinit_n does, without the call.
        v->z->_mp_alloc = 0;
        v->z->_mp_size = x < 0 ? -1 : (x > 0 ? 1 : 0);
        v->z->_mp_d = &v->limb;
        return v->z;
    }
    return ((WfIntObject *)o)->value;
}

// The value of any int as a machine word when it fits one (*ok = 1), else
// *ok = 0. No calls: this runs on every operation with a heap operand.
WF_INLINE intptr_t wf_int_small_value(WfObject *o, int *ok) {
    if (wf_is_smallint(o)) { *ok = 1; return wf_smallint_value(o); }
    mpz_srcptr z = ((WfIntObject *)o)->value;
    int size = z->_mp_size;
    *ok = 1;
    if (size == 0) return 0;
    if (size == 1 && z->_mp_d[0] <= (mp_limb_t)INTPTR_MAX) return (intptr_t)z->_mp_d[0];
    if (size == -1 && z->_mp_d[0] <= (mp_limb_t)INTPTR_MAX + 1) return -(intptr_t)(z->_mp_d[0] - 1) - 1;
    *ok = 0;
    return 0;
}

// GMP aborts when an allocation fails, so operations whose result may be huge
// (**, <<) first check that a result of `bits` bits can be allocated: 0 ok,
// -1 with MemoryError set.
int wf_int_check_alloc(double bits);

// Per-thread result registers (0 and 1) for GMP operations, so that an
// operation allocates only its result object: compute into a register, then
// wf_int_from_scratch. A register is initialized and owned by its thread; it
// must not be live across anything that could run another int operation on
// this thread. Registers grown past a few limbs are handed to the result
// (see wf_int_from_scratch), so at most a few hundred bytes stay per thread.
mpz_ptr wf_int_scratch(int which);
// The normalized int of a scratch register's value; the register stays usable.
WfObject *wf_int_from_scratch(mpz_ptr s);

// A heap WfIntObject of exact type int holding a copy of v (no normalization).
WfObject *wf_int_alloc_big(mpz_srcptr v);
// A new instance of an int subtype (heap class deriving from int) holding v.
WfObject *wf_int_subtype_new(WfTypeObject *type, mpz_srcptr v);
// Exact int from any int instance (subclass / bool → plain int of the same value).
WfObject *wf_int_exact_copy(WfObject *o);

WfObject *wf_int_richcompare(WfObject *a, WfObject *b, int op);
void wf_int_dealloc(WfObject *o);
extern WfNumberMethods wf_int_as_number;

// Number slots, implemented in int_arith.c and int_bitwise.c.
WfObject *wf_int_add(WfObject *a, WfObject *b);
WfObject *wf_int_subtract(WfObject *a, WfObject *b);
WfObject *wf_int_multiply(WfObject *a, WfObject *b);
WfObject *wf_int_remainder(WfObject *a, WfObject *b);
WfObject *wf_int_divmod(WfObject *a, WfObject *b);
WfObject *wf_int_floor_divide(WfObject *a, WfObject *b);
WfObject *wf_int_true_divide(WfObject *a, WfObject *b);
WfObject *wf_int_power(WfObject *a, WfObject *b, WfObject *mod);
WfObject *wf_int_negative(WfObject *a);
WfObject *wf_int_positive(WfObject *a);
WfObject *wf_int_absolute(WfObject *a);
int wf_int_bool(WfObject *a);
WfObject *wf_int_invert(WfObject *a);
WfObject *wf_int_lshift(WfObject *a, WfObject *b);
WfObject *wf_int_rshift(WfObject *a, WfObject *b);
WfObject *wf_int_and(WfObject *a, WfObject *b);
WfObject *wf_int_or(WfObject *a, WfObject *b);
WfObject *wf_int_xor(WfObject *a, WfObject *b);
WfObject *wf_int_int(WfObject *a);    // nb_int / nb_index: exact int
WfObject *wf_int_float(WfObject *a);  // nb_float

// int_format.c
WfObject *wf_int_repr(WfObject *o);
// Parse [start, end) of an ASCII/UTF-8 buffer like int(s, base). Returns the
// int, or NULL with *bad = 1 (invalid literal; no exception set) or with an
// exception set (limit exceeded, memory).
WfObject *wf_int_parse(const char *s, wf_ssize len, int base, int *bad);
// Raise "invalid literal for int() with base %d: %.200R" for `orig`.
WfObject *wf_int_invalid_literal(int base, WfObject *orig);
// Normalize a str argument of int()/float() to ASCII: Unicode whitespace → ' ',
// Unicode decimal digits → '0'..'9'. Returns a wf_mem_malloc'd NUL-terminated
// buffer (or NULL + exception) and its length; non-convertible characters are
// kept as '?' so that parsing fails.
char *wf_number_str_to_ascii(WfObject *s, wf_ssize *len);

// int_methods.c
extern const WfMethodDef wf_int_methods[];
extern const WfGetSetDef wf_int_getset[];

// float.c: true division of two doubles and the shared float pow used by int ** -n.
WfObject *wf_float_power(WfObject *a, WfObject *b, WfObject *mod);
// Exact comparison of an int with a double (CPython's float_richcompare): -1/0/1,
// or 2 when the double is NaN.
int wf_int_compare_double(WfObject *i, double d);

// float_format.c: parse an ASCII buffer like float() (whitespace, underscores
// between digits, inf/infinity/nan); 0 ok, -1 invalid (no exception set).
int wf_float_parse(const char *s, wf_ssize len, double *out);

// float_shortest.c: shortest round-trip digits of finite v > 0 (repr); returns
// the digit count, digits NUL-terminated in a >= 18-byte buffer, v ≈ 0.d1d2... * 10**decpt.
int wf_float_shortest_digits(double v, char *digits, int *decpt);

// bool.c
int wf_bool_init(void);
// float*.c
int wf_float_init(void);
extern const WfMethodDef wf_float_methods[];
extern const WfGetSetDef wf_float_getset[];
// complex.c
int wf_complex_init(void);
WfObject *wf_complex_power_from_float(double ar, double ai, double br, double bi);

// Raise OverflowError / ValueError from errno like CPython's PyErr_SetFromErrno
// (OverflowError(34, 'Numerical result out of range')).
WfObject *wf_number_err_from_errno(int err);

// sys.get_int_max_str_digits() value read by the conversions (0: unlimited).
#define WF_INT_MAX_STR_DIGITS_DEFAULT 4300
#define WF_INT_MAX_STR_DIGITS_THRESHOLD 640

#endif
