// int.h — int (tagged small ints + GMP-backed big ints) and bool.
//
// Invariants: an exact int in [WF_SMALLINT_MIN, WF_SMALLINT_MAX] is always a
// tagged word, never a WfIntObject. WfIntObject holds larger exact ints, and all
// instances of bool and of int subclasses (any value). True/False are static
// WfIntObjects of type bool whose mpz is statically initialized and never written.
#ifndef WF_INT_H
#define WF_INT_H

#include <gmp.h>

#include "objects/object.h"

typedef struct {
    WfObject ob_base;
    mpz_t value;               // read-only once published; never a GMP output
    mp_limb_t small_limbs[2];  // value's limbs when |value| < 2**128 (else heap limbs)
} WfIntObject;

extern WfTypeObject wf_int_type, wf_bool_type;
extern WfIntObject wf_true_object, wf_false_object;
#define wf_True ((WfObject *)&wf_true_object)
#define wf_False ((WfObject *)&wf_false_object)
WF_INLINE WfObject *wf_bool_from(int v) { return v ? wf_True : wf_False; }  // immortal

WF_INLINE bool wf_int_check(WfObject *o) {
    return wf_is_smallint(o) || wf_type_has_flag(o->ob_type, WF_TPFLAGS_INT_SUBCLASS);
}
WF_INLINE bool wf_int_check_exact(WfObject *o) { return wf_is_smallint(o) || o->ob_type == &wf_int_type; }
WF_INLINE bool wf_bool_check(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_bool_type; }

WfObject *wf_int_from_ssize(wf_ssize v);
WfObject *wf_int_from_long_long(long long v);
WfObject *wf_int_from_unsigned_long_long(unsigned long long v);
WfObject *wf_int_from_size_t(size_t v);
WfObject *wf_int_from_double(double d);                   // int(float): OverflowError/ValueError for inf/nan
WfObject *wf_int_from_mpz(const mpz_t v);                 // copies; normalizes to tagged when it fits
WfObject *wf_int_from_mpz_take(mpz_t v);                  // consumes (clears) v
// Parse like int(s, base): s is UTF-8 (whitespace, sign, underscores, prefixes
// for base 0/2/8/16). ValueError "invalid literal for int() with base 10: 's'".
WfObject *wf_int_from_string(const char *s, wf_ssize len, int base);
// Conversions. Non-int arguments go through __index__ (TypeError otherwise).
// OverflowError "Python int too large to convert to C ssize_t" etc.
wf_ssize wf_int_as_ssize(WfObject *o);                    // -1 + exception on error
long long wf_int_as_long_long(WfObject *o);
long long wf_int_as_long_long_overflow(WfObject *o, int *overflow);  // sets *overflow = ±1, no exception
double wf_int_as_double(WfObject *o);                     // OverflowError "int too large to convert to float"
// Read any int (small, big, bool, subclass) into an initialized mpz.
void wf_int_get_mpz(WfObject *o, mpz_t out);
int wf_int_sign(WfObject *o);                             // -1, 0, 1
WfObject *wf_int_to_decimal_string(WfObject *o);          // str(int); ValueError past sys int_max_str_digits
WfObject *wf_int_format_base(WfObject *o, int base, bool alternate);  // bin/oct/hex: '0x..' when alternate
intptr_t wf_int_hash(WfObject *o);                        // CPython's modular hash (mod 2**61-1)
int wf_int_compare(WfObject *a, WfObject *b);             // both ints: -1/0/1

// int(o) for one argument: __int__, __index__, __trunc__, str/bytes/bytearray
// parsing in base 10; CPython's errors. New reference (an exact int).
WfObject *wf_int_from_object(WfObject *o);
// sys.get_int_max_str_digits() / sys.set_int_max_str_digits(n): 0 means no
// limit; the caller validates n (0 or >= 640). Default 4300, or
// PYTHONINTMAXSTRDIGITS at start-up.
int wf_int_get_max_str_digits(void);
void wf_int_set_max_str_digits(int n);

int wf_int_init(void);  // GMP memory functions → mimalloc, int type readiness
// wf_numbers_init (runtime/lifecycle.h) readies int, bool, float and complex.

#endif
