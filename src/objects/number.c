// number.c — the number protocol of object.h: binary operators with
// CPython's NotImplemented / reflected-operand rules (binary_op1,
// ternary_op), in-place operators, unary operators, and conversions
// (operator.index, int(), float()).
//
// Invariant: a number slot is called with (left, right) for both operands'
// types; a slot that returns NotImplemented does not handle the pair. The
// right operand's slot runs first when its type is a proper subclass of the
// left operand's type and differs in slot.
#include <stdio.h>

#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/typeobject_internal.h"
#include "runtime/error.h"

#define NB_SLOT(t, off) ((t)->tp_as_number ? *(void **)((char *)(t)->tp_as_number + (off)) : NULL)
#define NB(f) offsetof(WfNumberMethods, f)

static WfObject *binary_op1(WfObject *v, WfObject *w, size_t off) {
    WfTypeObject *vt = wf_type_of(v), *wt = wf_type_of(w);
    WfBinaryFunc slotv = (WfBinaryFunc)NB_SLOT(vt, off);
    WfBinaryFunc slotw = NULL;
    if (wt != vt) {
        slotw = (WfBinaryFunc)NB_SLOT(wt, off);
        if (slotw == slotv) slotw = NULL;
    }
    WfObject *x;
    if (slotv) {
        if (slotw && wf_type_is_subtype(wt, vt)) {
            x = slotw(v, w);
            if (x != wf_NotImplemented) return x;
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != wf_NotImplemented) return x;
    }
    if (slotw) {
        x = slotw(v, w);
        if (x != wf_NotImplemented) return x;
    }
    return wf_NotImplemented;
}

static WfObject *binop_type_error(WfObject *v, WfObject *w, const char *op) {
    return wf_err_format(&wf_exc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", op,
                         wf_type_of(v)->tp_name, wf_type_of(w)->tp_name);
}

static bool is_sequence(WfObject *o) {
    WfTypeObject *t = wf_type_of(o);
    return (t->tp_flags & (WF_TPFLAGS_STR_SUBCLASS | WF_TPFLAGS_LIST_SUBCLASS | WF_TPFLAGS_TUPLE_SUBCLASS |
                           WF_TPFLAGS_BYTES_SUBCLASS)) ||
           wf_type_check(o, &wf_bytearray_type);
}

// Raise the sequence-concatenation error CPython's sq_concat would raise;
// false when v is not a concatenable sequence.
static bool concat_error(WfObject *v, WfObject *w) {
    WfTypeObject *vt = wf_type_of(v);
    const char *kind = NULL;
    if (vt->tp_flags & WF_TPFLAGS_STR_SUBCLASS) kind = "str";
    else if (vt->tp_flags & WF_TPFLAGS_LIST_SUBCLASS) kind = "list";
    else if (vt->tp_flags & WF_TPFLAGS_TUPLE_SUBCLASS) kind = "tuple";
    if (kind) {
        wf_err_format(&wf_exc_TypeError, "can only concatenate %s (not \"%.200s\") to %s", kind,
                      wf_type_of(w)->tp_name, kind);
        return true;
    }
    if ((vt->tp_flags & WF_TPFLAGS_BYTES_SUBCLASS) || wf_type_check(v, &wf_bytearray_type)) {
        wf_err_format(&wf_exc_TypeError, "can't concat %.100s to %.100s", wf_type_of(w)->tp_name, vt->tp_name);
        return true;
    }
    return false;
}

static WfObject *sequence_repeat(WfObject *seq, WfObject *n, bool inplace) {
    if (!wf_index_check(n)) {
        return wf_err_format(&wf_exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                             wf_type_of(n)->tp_name);
    }
    if (wf_int_check(n)) return NULL;  // the sequence's own slot declined an int: report generically
    wf_ssize count = wf_number_as_ssize(n, &wf_exc_OverflowError);
    if (count == -1 && wf_err_occurred()) return NULL;
    WfObject *c = wf_int_from_ssize(count);
    if (!c) return NULL;
    WfObject *r = binary_op1(seq, c, inplace ? NB(nb_inplace_multiply) : NB(nb_multiply));
    if (r == wf_NotImplemented && inplace) r = binary_op1(seq, c, NB(nb_multiply));
    wf_decref(c);
    if (r == wf_NotImplemented) return NULL;
    return r;
}

static WfObject *binary_op(WfObject *v, WfObject *w, size_t off, const char *op) {
    WfObject *r = binary_op1(v, w, off);
    if (r != wf_NotImplemented) return r;
    return binop_type_error(v, w, op);
}

#define BINARY_FUNC(NAME, SLOT, OP) \
    WfObject *NAME(WfObject *a, WfObject *b) { return binary_op(a, b, NB(SLOT), OP); }

BINARY_FUNC(wf_number_subtract, nb_subtract, "-")
BINARY_FUNC(wf_number_matrix_multiply, nb_matrix_multiply, "@")
BINARY_FUNC(wf_number_true_divide, nb_true_divide, "/")
BINARY_FUNC(wf_number_floor_divide, nb_floor_divide, "//")
BINARY_FUNC(wf_number_remainder, nb_remainder, "%")
BINARY_FUNC(wf_number_divmod, nb_divmod, "divmod()")
BINARY_FUNC(wf_number_lshift, nb_lshift, "<<")
BINARY_FUNC(wf_number_rshift, nb_rshift, ">>")
BINARY_FUNC(wf_number_and, nb_and, "&")
BINARY_FUNC(wf_number_or, nb_or, "|")
BINARY_FUNC(wf_number_xor, nb_xor, "^")

WfObject *wf_number_add(WfObject *a, WfObject *b) {
    WfObject *r = binary_op1(a, b, NB(nb_add));
    if (r != wf_NotImplemented) return r;
    if (concat_error(a, b)) return NULL;
    return binop_type_error(a, b, "+");
}

static WfObject *multiply_fallback(WfObject *a, WfObject *b, const char *op, bool inplace) {
    WfObject *r = NULL;
    if (is_sequence(a)) r = sequence_repeat(a, b, inplace);
    else if (is_sequence(b)) r = sequence_repeat(b, a, false);
    if (r || wf_err_occurred()) return r;
    return binop_type_error(a, b, op);
}

WfObject *wf_number_multiply(WfObject *a, WfObject *b) {
    WfObject *r = binary_op1(a, b, NB(nb_multiply));
    if (r != wf_NotImplemented) return r;
    return multiply_fallback(a, b, "*", false);
}

// In-place: try the in-place slot of the left operand, then the binary op.
static WfObject *binary_iop1(WfObject *v, WfObject *w, size_t ioff, size_t off) {
    WfBinaryFunc slot = (WfBinaryFunc)NB_SLOT(wf_type_of(v), ioff);
    if (slot) {
        WfObject *x = slot(v, w);
        if (x != wf_NotImplemented) return x;
    }
    return binary_op1(v, w, off);
}

#define INPLACE_FUNC(NAME, ISLOT, SLOT, OP)                        \
    WfObject *NAME(WfObject *a, WfObject *b) {                     \
        WfObject *r = binary_iop1(a, b, NB(ISLOT), NB(SLOT));      \
        if (r != wf_NotImplemented) return r;                      \
        return binop_type_error(a, b, OP);                         \
    }

INPLACE_FUNC(wf_number_inplace_subtract, nb_inplace_subtract, nb_subtract, "-=")
INPLACE_FUNC(wf_number_inplace_matrix_multiply, nb_inplace_matrix_multiply, nb_matrix_multiply, "@=")
INPLACE_FUNC(wf_number_inplace_true_divide, nb_inplace_true_divide, nb_true_divide, "/=")
INPLACE_FUNC(wf_number_inplace_floor_divide, nb_inplace_floor_divide, nb_floor_divide, "//=")
INPLACE_FUNC(wf_number_inplace_remainder, nb_inplace_remainder, nb_remainder, "%=")
INPLACE_FUNC(wf_number_inplace_lshift, nb_inplace_lshift, nb_lshift, "<<=")
INPLACE_FUNC(wf_number_inplace_rshift, nb_inplace_rshift, nb_rshift, ">>=")
INPLACE_FUNC(wf_number_inplace_and, nb_inplace_and, nb_and, "&=")
INPLACE_FUNC(wf_number_inplace_or, nb_inplace_or, nb_or, "|=")
INPLACE_FUNC(wf_number_inplace_xor, nb_inplace_xor, nb_xor, "^=")

WfObject *wf_number_inplace_add(WfObject *a, WfObject *b) {
    WfObject *r = binary_iop1(a, b, NB(nb_inplace_add), NB(nb_add));
    if (r != wf_NotImplemented) return r;
    if (concat_error(a, b)) return NULL;
    return binop_type_error(a, b, "+=");
}

WfObject *wf_number_inplace_multiply(WfObject *a, WfObject *b) {
    WfObject *r = binary_iop1(a, b, NB(nb_inplace_multiply), NB(nb_multiply));
    if (r != wf_NotImplemented) return r;
    return multiply_fallback(a, b, "*=", true);
}

// ---------------------------------------------------------------------------
// Power (ternary)

static WfObject *ternary_op(WfObject *v, WfObject *w, WfObject *z, size_t off, const char *op) {
    WfTypeObject *vt = wf_type_of(v), *wt = wf_type_of(w);
    WfTernaryFunc slotv = (WfTernaryFunc)NB_SLOT(vt, off);
    WfTernaryFunc slotw = NULL;
    if (wt != vt) {
        slotw = (WfTernaryFunc)NB_SLOT(wt, off);
        if (slotw == slotv) slotw = NULL;
    }
    WfObject *x;
    if (slotv) {
        if (slotw && wf_type_is_subtype(wt, vt)) {
            x = slotw(v, w, z);
            if (x != wf_NotImplemented) return x;
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != wf_NotImplemented) return x;
    }
    if (slotw) {
        x = slotw(v, w, z);
        if (x != wf_NotImplemented) return x;
    }
    if (z != wf_None) {
        WfTernaryFunc slotz = (WfTernaryFunc)NB_SLOT(wf_type_of(z), off);
        if (slotz && slotz != slotv && slotz != slotw) {
            x = slotz(v, w, z);
            if (x != wf_NotImplemented) return x;
        }
        return wf_err_format(&wf_exc_TypeError, "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'",
                             op, vt->tp_name, wt->tp_name, wf_type_of(z)->tp_name);
    }
    return wf_NotImplemented;
}

WfObject *wf_number_power(WfObject *a, WfObject *b, WfObject *mod) {
    if (!mod) mod = wf_None;
    WfObject *r = ternary_op(a, b, mod, NB(nb_power), "** or pow()");
    if (r != wf_NotImplemented) return r;
    return binop_type_error(a, b, "** or pow()");
}

WfObject *wf_number_inplace_power(WfObject *a, WfObject *b, WfObject *mod) {
    if (!mod) mod = wf_None;
    WfTernaryFunc slot = (WfTernaryFunc)NB_SLOT(wf_type_of(a), NB(nb_inplace_power));
    if (slot) {
        WfObject *x = slot(a, b, mod);
        if (x != wf_NotImplemented) return x;
    }
    WfObject *r = ternary_op(a, b, mod, NB(nb_power), "**=");
    if (r != wf_NotImplemented) return r;
    return binop_type_error(a, b, "**=");
}

// ---------------------------------------------------------------------------
// Unary

#define UNARY_FUNC(NAME, SLOT, MSG)                                                                      \
    WfObject *NAME(WfObject *a) {                                                                        \
        WfUnaryFunc f = (WfUnaryFunc)NB_SLOT(wf_type_of(a), NB(SLOT));                                   \
        if (f) return f(a);                                                                              \
        return wf_err_format(&wf_exc_TypeError, "bad operand type for " MSG ": '%.200s'", wf_type_of(a)->tp_name); \
    }

UNARY_FUNC(wf_number_negative, nb_negative, "unary -")
UNARY_FUNC(wf_number_positive, nb_positive, "unary +")
UNARY_FUNC(wf_number_invert, nb_invert, "unary ~")
UNARY_FUNC(wf_number_absolute, nb_absolute, "abs()")

// ---------------------------------------------------------------------------
// Conversions

int wf_index_check(WfObject *o) {
    if (wf_int_check(o)) return 1;
    WfTypeObject *t = wf_type_of(o);
    return t->tp_as_number && t->tp_as_number->nb_index;
}

// An exact int equal to the int (subclass) o.
static WfObject *int_exact(WfObject *o) {
    if (wf_int_check_exact(o)) return wf_newref(o);
    mpz_t z;
    mpz_init(z);
    wf_int_get_mpz(o, z);
    return wf_int_from_mpz_take(z);
}

WfObject *wf_number_index(WfObject *a) {
    if (wf_int_check_exact(a)) return wf_newref(a);
    if (wf_int_check(a)) return int_exact(a);
    WfTypeObject *t = wf_type_of(a);
    if (!t->tp_as_number || !t->tp_as_number->nb_index) {
        return wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer", t->tp_name);
    }
    WfObject *r = t->tp_as_number->nb_index(a);
    if (!r || wf_int_check_exact(r)) return r;
    if (!wf_int_check(r)) {
        wf_err_format(&wf_exc_TypeError, "__index__ returned non-int (type %.200s)", WF_TYPE(r)->tp_name);
        wf_decref(r);
        return NULL;
    }
    WfObject *e = int_exact(r);
    wf_decref(r);
    return e;
}

wf_ssize wf_number_as_ssize(WfObject *a, WfTypeObject *overflow_exc) {
    if (wf_is_smallint(a)) return wf_smallint_value(a);
    WfObject *idx = wf_number_index(a);
    if (!idx) return -1;
    int overflow = 0;
    long long v = wf_int_as_long_long_overflow(idx, &overflow);
    wf_decref(idx);
    if (!overflow && v >= INTPTR_MIN && v <= INTPTR_MAX) return (wf_ssize)v;
    if (!overflow) overflow = v < 0 ? -1 : 1;
    if (!overflow_exc) return overflow < 0 ? INTPTR_MIN : INTPTR_MAX;
    wf_err_format(overflow_exc, "cannot fit '%.200s' into an index-sized integer", wf_type_of(a)->tp_name);
    return -1;
}

WfObject *wf_number_long(WfObject *a) {
    if (wf_int_check_exact(a)) return wf_newref(a);
    WfTypeObject *t = wf_type_of(a);
    WfNumberMethods *m = t->tp_as_number;
    if (m && m->nb_int) {
        WfObject *r = m->nb_int(a);
        if (!r || wf_int_check_exact(r)) return r;
        if (!wf_int_check(r)) {
            wf_err_format(&wf_exc_TypeError, "__int__ returned non-int (type %.200s)", WF_TYPE(r)->tp_name);
            wf_decref(r);
            return NULL;
        }
        WfObject *e = int_exact(r);
        wf_decref(r);
        return e;
    }
    if (m && m->nb_index) return wf_number_index(a);
    int found;
    WfObject *r = wf_object_call_special(a, WF_ID(__trunc__), NULL, 0, &found);
    if (found) {
        if (!r || wf_int_check_exact(r)) return r;
        if (wf_int_check(r)) {
            WfObject *e = int_exact(r);
            wf_decref(r);
            return e;
        }
        if (!wf_index_check(r)) {
            wf_err_format(&wf_exc_TypeError, "__trunc__ returned non-Integral (type %.200s)", WF_TYPE(r)->tp_name);
            wf_decref(r);
            return NULL;
        }
        WfObject *e = wf_number_index(r);
        wf_decref(r);
        return e;
    }
    if (wf_str_check(a)) {
        wf_ssize len;
        const char *s = wf_str_as_utf8(a, &len);
        if (!s) return NULL;
        return wf_int_from_string(s, len, 10);
    }
    const char *data;
    wf_ssize len;
    if ((wf_bytes_check(a) || wf_bytearray_check(a)) && wf_bytes_like_get(a, &data, &len) == 0)
        return wf_int_from_string(data, len, 10);
    return wf_err_format(&wf_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                         t->tp_name);
}

WfObject *wf_number_float(WfObject *a) {
    if (wf_float_check_exact(a)) return wf_newref(a);
    WfTypeObject *t = wf_type_of(a);
    WfNumberMethods *m = t->tp_as_number;
    if (m && m->nb_float) {
        WfObject *r = m->nb_float(a);
        if (!r || wf_float_check_exact(r)) return r;
        if (!wf_float_check(r)) {
            wf_err_format(&wf_exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)", t->tp_name,
                          WF_TYPE(r)->tp_name);
            wf_decref(r);
            return NULL;
        }
        WfObject *e = wf_float_new(wf_float_value(r));
        wf_decref(r);
        return e;
    }
    if (m && m->nb_index) {
        WfObject *idx = wf_number_index(a);
        if (!idx) return NULL;
        double d = wf_int_as_double(idx);
        wf_decref(idx);
        if (d == -1.0 && wf_err_occurred()) return NULL;
        return wf_float_new(d);
    }
    if (wf_float_check(a)) return wf_float_new(wf_float_value(a));
    if (wf_str_check(a)) {
        wf_ssize len;
        const char *s = wf_str_as_utf8(a, &len);
        if (!s) return NULL;
        return wf_float_from_string(s, len);
    }
    const char *data;
    wf_ssize len;
    if ((wf_bytes_check(a) || wf_bytearray_check(a)) && wf_bytes_like_get(a, &data, &len) == 0)
        return wf_float_from_string(data, len);
    return wf_err_format(&wf_exc_TypeError, "float() argument must be a string or a real number, not '%.200s'",
                         t->tp_name);
}
