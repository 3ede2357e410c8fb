// float.c — the float type: a boxed C double. Construction (float()),
// arithmetic number slots with int/float mixing, comparison (exact against
// big ints, NaN rules), hashing (CPython's _Py_HashDouble).
//
// Invariant: a WfFloatObject's value is written once, before the object is
// returned by its constructor, and never again; any thread may read it.
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "objects/arg.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int_internal.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

WfObject *wf_float_new(double v) {
    WfFloatObject *o = (WfFloatObject *)wf_object_alloc(&wf_float_type);
    if (!o) return NULL;
    o->value = v;
    return (WfObject *)o;
}

static WfObject *float_subtype_new(WfTypeObject *type, double v) {
    WfFloatObject *o = (WfFloatObject *)wf_type_generic_alloc(type, 0);
    if (!o) return NULL;
    o->value = v;
    return (WfObject *)o;
}

static WfObject *float_exact(WfObject *o) {
    if (wf_float_check_exact(o)) return wf_newref(o);
    return wf_float_new(wf_float_value(o));
}

WfObject *wf_number_err_from_errno(int err) {
    WfObject *code = wf_smallint_new(err);
    WfObject *msg = wf_str_from_cstr(strerror(err));
    if (!msg) return NULL;
    WfObject *args = wf_tuple_new(2);
    if (!args) {
        wf_decref(msg);
        return NULL;
    }
    wf_tuple_set_take(args, 0, code);
    wf_tuple_set_take(args, 1, msg);
    wf_err_set_object(err == ERANGE ? &wf_exc_OverflowError : &wf_exc_ValueError, args);
    wf_decref(args);
    return NULL;
}

// ---------------------------------------------------------------------------
// Conversions

// The value of a float or int operand: 1 ok, 0 not a number we handle, -1 error.
WF_INLINE int operand_double(WfObject *o, double *out) {
    if (wf_is_smallint(o)) {
        *out = (double)wf_smallint_value(o);
        return 1;
    }
    if (WF_LIKELY(o->ob_type == &wf_float_type) || wf_float_check(o)) {
        *out = wf_float_value(o);
        return 1;
    }
    if (wf_int_check(o)) {
        double d = wf_int_as_double(o);
        if (d == -1.0 && wf_err_occurred()) return -1;
        *out = d;
        return 1;
    }
    return 0;
}

#define CONVERT_BINOP(a, b, x, y)                 \
    do {                                          \
        int ra_ = operand_double(a, &x);          \
        if (ra_ <= 0) return ra_ < 0 ? NULL : wf_NotImplemented; \
        int rb_ = operand_double(b, &y);          \
        if (rb_ <= 0) return rb_ < 0 ? NULL : wf_NotImplemented; \
    } while (0)

double wf_float_as_double(WfObject *o) {
    if (!wf_is_smallint(o) && wf_float_check(o)) return wf_float_value(o);
    if (wf_is_smallint(o)) return (double)wf_smallint_value(o);
    WfNumberMethods *nb = WF_TYPE(o)->tp_as_number;
    if (!nb || !nb->nb_float) {
        if (nb && nb->nb_index) {
            WfObject *i = nb->nb_index(o);
            if (!i) return -1.0;
            double d = wf_int_as_double(i);
            wf_decref(i);
            return d;
        }
        wf_err_format(&wf_exc_TypeError, "must be real number, not %T", o);
        return -1.0;
    }
    WfObject *r = nb->nb_float(o);
    if (!r) return -1.0;
    if (wf_is_smallint(r) || !wf_float_check(r)) {
        wf_err_format(&wf_exc_TypeError, "%s.__float__ returned non-float (type %s)", wf_type_name(WF_TYPE(o)),
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return -1.0;
    }
    double d = wf_float_value(r);
    wf_decref(r);
    return d;
}

// Parse the ASCII buffer like float(); orig is used for the error message.
static WfObject *float_from_buffer(const char *s, wf_ssize len, WfObject *orig) {
    double d;
    if (wf_float_parse(s, len, &d) < 0)
        return wf_err_format(&wf_exc_ValueError, "could not convert string to float: %R", orig);
    return wf_float_new(d);
}

WfObject *wf_float_from_string(const char *s, wf_ssize len) {
    double d;
    if (wf_float_parse(s, len, &d) < 0) {
        WfObject *orig = wf_str_from_utf8(s, len);
        if (!orig) return NULL;
        wf_err_format(&wf_exc_ValueError, "could not convert string to float: %R", orig);
        wf_decref(orig);
        return NULL;
    }
    return wf_float_new(d);
}

WfObject *wf_float_from_object(WfObject *o) {
    if (wf_float_check_exact(o)) return wf_newref(o);
    if (wf_is_smallint(o)) return wf_float_new((double)wf_smallint_value(o));
    WfTypeObject *t = WF_TYPE(o);
    WfNumberMethods *nb = t->tp_as_number;
    if (nb && nb->nb_float) {
        WfObject *r = nb->nb_float(o);
        if (!r) return NULL;
        if (wf_float_check_exact(r)) return r;
        if (!wf_is_smallint(r) && wf_float_check(r)) {
            char msg[400];
            snprintf(msg, sizeof msg,
                     "%.50s.__float__ returned non-float (type %.50s).  The ability to return an instance of a "
                     "strict subclass of float is deprecated, and may be removed in a future version of Python.",
                     wf_type_name(t), wf_type_name(WF_TYPE(r)));
            if (wf_err_warn(&wf_exc_DeprecationWarning, msg, 1) < 0) {
                wf_decref(r);
                return NULL;
            }
            WfObject *e = wf_float_new(wf_float_value(r));
            wf_decref(r);
            return e;
        }
        wf_err_format(&wf_exc_TypeError, "%s.__float__ returned non-float (type %s)", wf_type_name(t),
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return NULL;
    }
    if (nb && nb->nb_index) {
        WfObject *i = nb->nb_index(o);
        if (!i) return NULL;
        double d = wf_int_as_double(i);
        wf_decref(i);
        if (d == -1.0 && wf_err_occurred()) return NULL;
        return wf_float_new(d);
    }
    if (wf_float_check(o)) return wf_float_new(wf_float_value(o));
    if (wf_str_check(o)) {
        wf_ssize len;
        char *buf = wf_number_str_to_ascii(o, &len);
        if (!buf) return NULL;
        WfObject *r = float_from_buffer(buf, len, o);
        wf_mem_free(buf);
        return r;
    }
    if (wf_bytes_check(o) || wf_bytearray_check(o)) {
        const char *data;
        wf_ssize len;
        if (wf_bytes_like_get(o, &data, &len) < 0) return NULL;
        return float_from_buffer(data, len, o);
    }
    return wf_err_format(&wf_exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                         wf_type_name(t));
}

static WfObject *float_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_tuple_size(kwnames) > 0 && wf_arg_no_kwargs("float", kwnames) < 0) return NULL;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
    WfObject *r = nargs == 0 ? wf_float_new(0.0) : wf_float_from_object(args[0]);
    if (!r || type == &wf_float_type) return r;
    WfObject *sub = float_subtype_new(type, wf_float_value(r));
    wf_decref(r);
    return sub;
}

// ---------------------------------------------------------------------------
// Arithmetic

static WfObject *float_add(WfObject *a, WfObject *b) {
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return wf_float_new(x + y);
}

static WfObject *float_sub(WfObject *a, WfObject *b) {
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return wf_float_new(x - y);
}

static WfObject *float_mul(WfObject *a, WfObject *b) {
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return wf_float_new(x * y);
}

static WfObject *zero_division(const char *msg) {
    wf_err_set_string(&wf_exc_ZeroDivisionError, msg);
    return NULL;
}

static WfObject *float_div(WfObject *a, WfObject *b) {
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0) return zero_division("float division by zero");
    return wf_float_new(x / y);
}

// CPython's _float_div_mod: floor quotient and remainder with the divisor's sign.
static void float_div_mod(double vx, double wx, double *floordiv, double *mod) {
    double div;
    *mod = fmod(vx, wx);
    // fmod is exact, so vx - mod is mathematically a multiple of wx; the
    // division may still be a little off an integer, hence the snapping below.
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

static WfObject *float_rem(WfObject *a, WfObject *b) {
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0) return zero_division("float modulo");
    double mod = fmod(x, y);
    if (mod) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = copysign(0.0, y);
    }
    return wf_float_new(mod);
}

static WfObject *float_floordiv(WfObject *a, WfObject *b) {
    double x, y, q, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0) return zero_division("float floor division by zero");
    float_div_mod(x, y, &q, &m);
    return wf_float_new(q);
}

static WfObject *float_divmod(WfObject *a, WfObject *b) {
    double x, y, q, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0) return zero_division("float divmod()");
    float_div_mod(x, y, &q, &m);
    WfObject *oq = wf_float_new(q);
    if (!oq) return NULL;
    WfObject *om = wf_float_new(m);
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

static int is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

WfObject *wf_float_power(WfObject *a, WfObject *b, WfObject *mod) {
    if (mod != wf_None) {
        wf_err_set_string(&wf_exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    double iv, iw, ix;
    CONVERT_BINOP(a, b, iv, iw);
    int negate_result = 0;
    if (iw == 0) return wf_float_new(1.0);  // x**0 is 1, even 0**0
    if (isnan(iv)) return wf_float_new(iv);  // nan**w = nan unless w == 0
    if (isnan(iw)) return wf_float_new(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return wf_float_new(1.0);
        if ((iw > 0.0) == (iv > 1.0)) return wf_float_new(fabs(iw));
        return wf_float_new(0.0);
    }
    if (isinf(iv)) {
        int odd = is_odd_integer(iw);
        if (iw > 0.0) return wf_float_new(odd ? iv : fabs(iv));
        return wf_float_new(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        int odd = is_odd_integer(iw);
        if (iw < 0.0) return zero_division("0.0 cannot be raised to a negative power");
        return wf_float_new(odd ? iv : 0.0);
    }
    if (iv == 1.0) return wf_float_new(1.0);
    if (iv < 0.0) {
        if (iw != floor(iw)) return wf_complex_power_from_float(iv, 0.0, iw, 0.0);  // complex result
        iv = -iv;
        negate_result = is_odd_integer(iw);
    }
    if (iv == 1.0) return wf_float_new(negate_result ? -1.0 : 1.0);
    errno = 0;
    ix = pow(iv, iw);
    if (negate_result) ix = -ix;
    int err = errno;
    if (err == 0 && isinf(ix)) err = ERANGE;
    else if (err == ERANGE && ix == 0.0) err = 0;  // underflow to zero is fine
    if (err) return wf_number_err_from_errno(err);
    return wf_float_new(ix);
}

static WfObject *float_neg(WfObject *a) { return wf_float_new(-wf_float_value(a)); }
static WfObject *float_pos(WfObject *a) { return float_exact(a); }
static WfObject *float_abs(WfObject *a) { return wf_float_new(fabs(wf_float_value(a))); }
static int float_bool(WfObject *a) { return wf_float_value(a) != 0.0; }
static WfObject *float_int(WfObject *a) { return wf_int_from_double(wf_float_value(a)); }

// ---------------------------------------------------------------------------
// Comparison and hashing

static WfObject *cmp_result(int c, int op) {
    // c: -1/0/1, or 2 for unordered (NaN)
    bool r;
    if (c == 2) return wf_bool_from(op == WF_NE);
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

static const int swapped_op[] = {WF_GT, WF_GE, WF_EQ, WF_NE, WF_LT, WF_LE};

static WfObject *float_richcompare(WfObject *a, WfObject *b, int op) {
    if (wf_is_smallint(a) || !wf_float_check(a)) {
        // Called with the float second: compare the other way round.
        WfObject *t = a;
        a = b;
        b = t;
        op = swapped_op[op];
        if (wf_is_smallint(a) || !wf_float_check(a)) return wf_NotImplemented;
    }
    double x = wf_float_value(a);
    if (!wf_is_smallint(b) && wf_float_check(b)) {
        double y = wf_float_value(b);
        bool r;
        switch (op) {
        case WF_LT: r = x < y; break;
        case WF_LE: r = x <= y; break;
        case WF_EQ: r = x == y; break;
        case WF_NE: r = x != y; break;
        case WF_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return wf_bool_from(r);
    }
    if (wf_int_check(b)) {
        int c = wf_int_compare_double(b, x);  // int vs double
        if (c != 2) c = -c;                   // double vs int
        return cmp_result(c, op);
    }
    return wf_NotImplemented;
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

intptr_t wf_float_hash_double(double v) {
    if (!isfinite(v)) return isinf(v) ? (v > 0 ? HASH_INF : -HASH_INF) : 0;
    // Integral values of small magnitude hash like the equal int.
    if (fabs(v) < 9007199254740992.0 && v == (double)(int64_t)v) {
        int64_t i = (int64_t)v;
        uint64_t a = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        intptr_t h = (intptr_t)(a % HASH_MODULUS);
        if (i < 0) h = -h;
        return h == -1 ? -2 : h;
    }
    int e, sign = 1;
    double m = frexp(v, &e);
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0, y;
    while (m) {  // 28 bits at a time
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1) x = (uint64_t)-2;
    return (intptr_t)x;
}

static intptr_t float_hash(WfObject *o) {
    double v = wf_float_value(o);
    if (isnan(v)) {
        // NaN hashes by identity (CPython 3.10+: _Py_HashPointer).
        uintptr_t y = (uintptr_t)o;
        y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
        intptr_t x = (intptr_t)y;
        return x == -1 ? -2 : x;
    }
    return wf_float_hash_double(v);
}

static WfObject *float_repr(WfObject *o) { return wf_float_repr_new(wf_float_value(o)); }

// ---------------------------------------------------------------------------
// The type

static void float_dealloc(WfObject *o) {
    WfTypeObject *t = o->ob_type;
    if (t->tp_free) t->tp_free(o);
    else wf_object_free(o);
}

static WfNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = wf_float_power,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_pos,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_div,
};

WfTypeObject wf_float_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "float",
    .tp_basicsize = sizeof(WfFloatObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "float(x=0, /)\n--\n\nConvert a string or number to a floating point number, if possible.",
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .tp_as_number = &float_as_number,
    .tp_methods = wf_float_methods,
    .tp_getset = wf_float_getset,
    .tp_new = float_new,
};

int wf_float_init(void) { return wf_type_ready(&wf_float_type); }
