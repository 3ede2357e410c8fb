// complex.c — the complex type: construction (complex(), string parsing),
// arithmetic with int/float/complex mixing (CPython's algorithms: Smith's
// division, c_powi for small integral exponents), ==/!=, hash, repr, abs,
// conjugate, real/imag.
//
// Invariant: a WfComplexObject's parts are written once by its constructor and
// never again; any thread may read them.
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "objects/arg.h"
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/identifiers.h"
#include "objects/int_internal.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

typedef struct {
    double real, imag;
} Cval;

WfObject *wf_complex_new(double real, double imag) {
    WfComplexObject *o = (WfComplexObject *)wf_object_alloc(&wf_complex_type);
    if (!o) return NULL;
    o->real = real;
    o->imag = imag;
    return (WfObject *)o;
}

static WfObject *complex_subtype_new(WfTypeObject *type, double real, double imag) {
    if (type == &wf_complex_type) return wf_complex_new(real, imag);
    WfComplexObject *o = (WfComplexObject *)wf_type_generic_alloc(type, 0);
    if (!o) return NULL;
    o->real = real;
    o->imag = imag;
    return (WfObject *)o;
}

static WfObject *cval_new(Cval c) { return wf_complex_new(c.real, c.imag); }

// ---------------------------------------------------------------------------
// C arithmetic (CPython's _Py_c_* functions)

static Cval c_sum(Cval a, Cval b) { return (Cval){a.real + b.real, a.imag + b.imag}; }
static Cval c_diff(Cval a, Cval b) { return (Cval){a.real - b.real, a.imag - b.imag}; }
static Cval c_prod(Cval a, Cval b) {
    return (Cval){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// Smith's algorithm; errno = EDOM on division by zero.
static Cval c_quot(Cval a, Cval b) {
    Cval r;
    const double abs_breal = b.real < 0 ? -b.real : b.real;
    const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            const double ratio = b.imag / b.real;
            const double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        const double ratio = b.real / b.imag;
        const double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;  // a NaN in b
    }
    return r;
}

static Cval c_pow(Cval a, Cval b) {
    Cval r;
    if (b.real == 0. && b.imag == 0.) {
        r.real = 1.;
        r.imag = 0.;
    } else if (a.real == 0. && a.imag == 0.) {
        if (b.imag != 0. || b.real < 0.) errno = EDOM;
        r.real = 0.;
        r.imag = 0.;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static Cval c_powu(Cval x, long n) {
    Cval r = {1., 0.}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static Cval c_powi(Cval x, long n) {
    if (n > 0) return c_powu(x, n);
    return c_quot((Cval){1., 0.}, c_powu(x, -n));
}

static double c_abs(Cval z) {
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (isinf(z.real)) return fabs(z.real);
        if (isinf(z.imag)) return fabs(z.imag);
        return NAN;
    }
    double result = hypot(z.real, z.imag);
    if (!isfinite(result)) errno = ERANGE;
    else errno = 0;
    return result;
}

// ---------------------------------------------------------------------------
// Slots

// Operand as a complex value: 1 ok, 0 not handled, -1 error.
static int to_complex(WfObject *o, Cval *c) {
    if (wf_is_smallint(o)) {
        *c = (Cval){(double)wf_smallint_value(o), 0.0};
        return 1;
    }
    if (wf_complex_check(o)) {
        *c = (Cval){wf_complex_real(o), wf_complex_imag(o)};
        return 1;
    }
    if (wf_float_check(o)) {
        *c = (Cval){wf_float_value(o), 0.0};
        return 1;
    }
    if (wf_int_check(o)) {
        double d = wf_int_as_double(o);
        if (d == -1.0 && wf_err_occurred()) return -1;
        *c = (Cval){d, 0.0};
        return 1;
    }
    return 0;
}

#define CONVERT_BINOP(a, b, x, y)                                  \
    do {                                                           \
        int ra_ = to_complex(a, &x);                               \
        if (ra_ <= 0) return ra_ < 0 ? NULL : wf_NotImplemented;   \
        int rb_ = to_complex(b, &y);                               \
        if (rb_ <= 0) return rb_ < 0 ? NULL : wf_NotImplemented;   \
    } while (0)

static WfObject *complex_add(WfObject *a, WfObject *b) {
    Cval x, y;
    CONVERT_BINOP(a, b, x, y);
    return cval_new(c_sum(x, y));
}

static WfObject *complex_sub(WfObject *a, WfObject *b) {
    Cval x, y;
    CONVERT_BINOP(a, b, x, y);
    return cval_new(c_diff(x, y));
}

static WfObject *complex_mul(WfObject *a, WfObject *b) {
    Cval x, y;
    CONVERT_BINOP(a, b, x, y);
    return cval_new(c_prod(x, y));
}

static WfObject *complex_div(WfObject *a, WfObject *b) {
    Cval x, y;
    CONVERT_BINOP(a, b, x, y);
    errno = 0;
    Cval q = c_quot(x, y);
    if (errno == EDOM) {
        wf_err_set_string(&wf_exc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return cval_new(q);
}

static WfObject *complex_pow_values(Cval a, Cval b) {
    Cval p;
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0) p = c_powi(a, (long)b.real);
    else p = c_pow(a, b);
    // _Py_ADJUST_ERANGE2
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0) errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        wf_err_set_string(&wf_exc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        wf_err_set_string(&wf_exc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return cval_new(p);
}

static WfObject *complex_pow(WfObject *a, WfObject *b, WfObject *mod) {
    Cval x, y;
    CONVERT_BINOP(a, b, x, y);
    if (mod != wf_None) {
        wf_err_set_string(&wf_exc_ValueError, "complex modulo");
        return NULL;
    }
    return complex_pow_values(x, y);
}

WfObject *wf_complex_power_from_float(double ar, double ai, double br, double bi) {
    return complex_pow_values((Cval){ar, ai}, (Cval){br, bi});
}

static WfObject *complex_neg(WfObject *a) { return wf_complex_new(-wf_complex_real(a), -wf_complex_imag(a)); }

static WfObject *complex_pos(WfObject *a) {
    if (wf_complex_check_exact(a)) return wf_newref(a);
    return wf_complex_new(wf_complex_real(a), wf_complex_imag(a));
}

static WfObject *complex_abs(WfObject *a) {
    double r = c_abs((Cval){wf_complex_real(a), wf_complex_imag(a)});
    if (errno == ERANGE) {
        wf_err_set_string(&wf_exc_OverflowError, "absolute value too large");
        return NULL;
    }
    return wf_float_new(r);
}

static int complex_bool(WfObject *a) { return wf_complex_real(a) != 0.0 || wf_complex_imag(a) != 0.0; }

static WfObject *complex_richcompare(WfObject *v, WfObject *w, int op) {
    if (op != WF_EQ && op != WF_NE) return wf_NotImplemented;
    if (!wf_complex_check(v)) {
        WfObject *t = v;
        v = w;
        w = t;
        if (!wf_complex_check(v)) return wf_NotImplemented;
    }
    double re = wf_complex_real(v), im = wf_complex_imag(v);
    int equal;
    if (wf_int_check(w)) {
        equal = im == 0.0 && wf_int_compare_double(w, re) == 0;
    } else if (!wf_is_smallint(w) && wf_float_check(w)) {
        equal = re == wf_float_value(w) && im == 0.0;
    } else if (wf_complex_check(w)) {
        equal = re == wf_complex_real(w) && im == wf_complex_imag(w);
    } else {
        return wf_NotImplemented;
    }
    return wf_bool_from(op == WF_EQ ? equal : !equal);
}

static uintptr_t hash_part(WfObject *o, double v) {
    if (isnan(v)) {
        uintptr_t y = (uintptr_t)o;
        return (y >> 4) | (y << (8 * sizeof(void *) - 4));
    }
    return (uintptr_t)wf_float_hash_double(v);
}

static intptr_t complex_hash(WfObject *o) {
    uintptr_t combined = hash_part(o, wf_complex_real(o)) + 1000003u * hash_part(o, wf_complex_imag(o));
    intptr_t h = (intptr_t)combined;
    return h == -1 ? -2 : h;
}

WfObject *wf_complex_repr(WfObject *o) {
    double re = wf_complex_real(o), im = wf_complex_imag(o);
    char *sre = NULL, *sim;
    WfObject *r;
    if (re == 0.0 && copysign(1.0, re) == 1.0) {
        sim = wf_float_to_string(im, 'r', 0, 0);
        if (!sim) return NULL;
        r = wf_str_from_format("%sj", sim);
    } else {
        sre = wf_float_to_string(re, 'r', 0, 0);
        if (!sre) return NULL;
        sim = wf_float_to_string(im, 'r', 0, WF_DTOSTR_SIGN);
        if (!sim) {
            wf_mem_free(sre);
            return NULL;
        }
        r = wf_str_from_format("(%s%sj)", sre, sim);
    }
    if (sre) wf_mem_free(sre);
    wf_mem_free(sim);
    return r;
}

// ---------------------------------------------------------------------------
// complex(real=0, imag=0) and complex(string)

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int prefix_ieq(const char *p, const char *end, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(end - p) < n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != word[i]) return 0;
    }
    return 1;
}

// Length of the longest float literal at p (like PyOS_string_to_double with an
// end pointer); 0 if none. The value goes to *out.
static size_t scan_float(const char *p, const char *end, double *out) {
    const char *q = p;
    int neg = 0;
    if (q < end && (*q == '+' || *q == '-')) neg = *q++ == '-';
    if (prefix_ieq(q, end, "inf")) {
        q += 3;
        if (prefix_ieq(q, end, "inity")) q += 5;
        *out = neg ? -INFINITY : INFINITY;
        return (size_t)(q - p);
    }
    if (prefix_ieq(q, end, "nan")) {
        *out = neg ? -NAN : NAN;
        return (size_t)(q - p + 3);
    }
    int digits = 0;
    while (q < end && is_digit((unsigned char)*q)) q++, digits++;
    if (q < end && *q == '.') {
        q++;
        while (q < end && is_digit((unsigned char)*q)) q++, digits++;
    }
    if (!digits) return 0;
    if (q < end && (*q == 'e' || *q == 'E')) {
        const char *e = q + 1;
        if (e < end && (*e == '+' || *e == '-')) e++;
        if (e < end && is_digit((unsigned char)*e)) {
            while (e < end && is_digit((unsigned char)*e)) e++;
            q = e;
        }
    }
    char small[128];
    size_t n = (size_t)(q - p);
    char *buf = n < sizeof small ? small : wf_mem_malloc(n + 1);
    if (!buf) {
        *out = 0.0;
        return n;
    }
    memcpy(buf, p, n);
    buf[n] = '\0';
    *out = strtod(buf, NULL);
    if (buf != small) wf_mem_free(buf);
    return n;
}

static WfObject *malformed(void) {
    wf_err_set_string(&wf_exc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

static WfObject *complex_from_string(WfTypeObject *type, WfObject *str) {
    wf_ssize len0;
    char *raw = wf_number_str_to_ascii(str, &len0);
    if (!raw) return NULL;
    // Remove underscores (only between digits, as CPython).
    char *s = raw;
    size_t len = 0;
    char prev = '\0';
    for (wf_ssize i = 0; i < len0; i++) {
        char c = raw[i];
        if (c == '_') {
            if (!is_digit((unsigned char)prev)) goto bad;
        } else {
            if (prev == '_' && !is_digit((unsigned char)c)) goto bad;
            s[len++] = c;
        }
        prev = c;
    }
    if (prev == '_') goto bad;
    const char *p = s, *end = s + len;
    double x = 0.0, y = 0.0, z;
    int got_bracket = 0;
    while (p < end && is_space((unsigned char)*p)) p++;
    if (p < end && *p == '(') {
        got_bracket = 1;
        p++;
        while (p < end && is_space((unsigned char)*p)) p++;
    }
    size_t n = scan_float(p, end, &z);
    if (n) {
        p += n;
        if (p < end && (*p == '+' || *p == '-')) {
            x = z;
            size_t m = scan_float(p, end, &y);
            if (m) {
                p += m;
            } else {
                y = *p == '+' ? 1.0 : -1.0;
                p++;
            }
            if (!(p < end && (*p == 'j' || *p == 'J'))) goto bad;
            p++;
        } else if (p < end && (*p == 'j' || *p == 'J')) {
            p++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (p < end && (*p == '+' || *p == '-')) {
            y = *p == '+' ? 1.0 : -1.0;
            p++;
        } else {
            y = 1.0;
        }
        if (!(p < end && (*p == 'j' || *p == 'J'))) goto bad;
        p++;
    }
    while (p < end && is_space((unsigned char)*p)) p++;
    if (got_bracket) {
        if (!(p < end && *p == ')')) goto bad;
        p++;
        while (p < end && is_space((unsigned char)*p)) p++;
    }
    if (p != end) goto bad;
    wf_mem_free(raw);
    return complex_subtype_new(type, x, y);
bad:
    wf_mem_free(raw);
    return malformed();
}

static int is_number_like(WfObject *o) {
    if (wf_is_smallint(o)) return 1;
    WfNumberMethods *nb = WF_TYPE(o)->tp_as_number;
    return wf_complex_check(o) || (nb && (nb->nb_float || nb->nb_index));
}

static WfObject *complex_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"complex", "|OO", {"real", "imag", NULL}};
    WfObject *r = NULL, *i = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &r, &i) < 0) return NULL;
    if (!r) r = wf_smallint_new(0);
    if (wf_complex_check_exact(r) && !i && type == &wf_complex_type) return wf_newref(r);
    if (wf_str_check(r)) {
        if (i) return wf_err_format(&wf_exc_TypeError, "complex() can't take second arg if first is a string");
        return complex_from_string(type, r);
    }
    if (i && wf_str_check(i)) return wf_err_format(&wf_exc_TypeError, "complex() second arg can't be a string");
    WfObject *owned = NULL;
    if (!wf_is_smallint(r) && !wf_complex_check_exact(r)) {
        int found;
        owned = wf_object_call_special(r, WF_ID(__complex__), NULL, 0, &found);
        if (found) {
            if (!owned) return NULL;
            if (!wf_complex_check(owned)) {
                wf_err_format(&wf_exc_TypeError, "__complex__ returned non-complex (type %s)",
                              wf_type_name(WF_TYPE(owned)));
                wf_decref(owned);
                return NULL;
            }
            r = owned;
        }
    }
    if (!is_number_like(r)) {
        wf_xdecref(owned);
        return wf_err_format(&wf_exc_TypeError, "complex() first argument must be a string or a number, not '%s'",
                             wf_type_name(WF_TYPE(r)));
    }
    if (i && !is_number_like(i)) {
        wf_xdecref(owned);
        return wf_err_format(&wf_exc_TypeError, "complex() second argument must be a number, not '%s'",
                             wf_type_name(WF_TYPE(i)));
    }
    Cval cr = {0, 0}, ci = {0, 0};
    int cr_is_complex = 0, ci_is_complex = 0;
    if (wf_complex_check(r)) {
        cr = (Cval){wf_complex_real(r), wf_complex_imag(r)};
        cr_is_complex = 1;
    } else {
        WfObject *f = wf_float_from_object(r);
        if (!f) {
            wf_xdecref(owned);
            return NULL;
        }
        cr.real = wf_float_value(f);
        wf_decref(f);
    }
    wf_xdecref(owned);
    if (!i) {
        ci.real = cr.imag;
    } else if (wf_complex_check(i)) {
        ci = (Cval){wf_complex_real(i), wf_complex_imag(i)};
        ci_is_complex = 1;
    } else {
        WfObject *f = wf_float_from_object(i);
        if (!f) return NULL;
        ci.real = wf_float_value(f);
        wf_decref(f);
    }
    if (ci_is_complex) cr.real -= ci.imag;
    if (cr_is_complex && i) ci.real += cr.imag;
    return complex_subtype_new(type, cr.real, ci.real);
}

// ---------------------------------------------------------------------------
// Methods and the type

static WfObject *complex_conjugate(WfObject *self, WfObject *unused) {
    return wf_complex_new(wf_complex_real(self), -wf_complex_imag(self));
}

static WfObject *complex_getnewargs(WfObject *self, WfObject *unused) {
    WfObject *a = wf_float_new(wf_complex_real(self));
    WfObject *b = a ? wf_float_new(wf_complex_imag(self)) : NULL;
    if (!b) {
        wf_xdecref(a);
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

// The format-spec mini-language lives with the strings area (str_format.c);
// until it provides wf_format_complex, non-empty specs are refused.
extern WfObject *wf_format_complex(double real, double imag, WfObject *spec) __attribute__((weak));

static WfObject *complex_format(WfObject *self, WfObject *spec) {
    if (!wf_str_check(spec))
        return wf_err_format(&wf_exc_TypeError, "__format__() argument must be str, not %T", spec);
    if (wf_str_length(spec) == 0) return wf_object_str(self);
    if (wf_format_complex) return wf_format_complex(wf_complex_real(self), wf_complex_imag(self), spec);
    return wf_err_format(&wf_exc_TypeError, "unsupported format string passed to complex.__format__");
}

static const WfMethodDef complex_methods[] = {
    WF_METHOD("conjugate", complex_conjugate, WF_METH_NOARGS,
              "conjugate($self, /)\n--\n\nReturn the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."),
    WF_METHOD("__getnewargs__", complex_getnewargs, WF_METH_NOARGS, "__getnewargs__($self, /)\n--\n\n"),
    WF_METHOD("__format__", complex_format, WF_METH_O,
              "__format__($self, format_spec, /)\n--\n\nConvert to a string according to format_spec."),
    WF_METHOD_END,
};

static const WfMemberDef complex_members[] = {
    {"real", WF_T_DOUBLE, offsetof(WfComplexObject, real), WF_MEMBER_READONLY, "the real part of a complex number"},
    {"imag", WF_T_DOUBLE, offsetof(WfComplexObject, imag), WF_MEMBER_READONLY,
     "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};

static void complex_dealloc(WfObject *o) {
    WfTypeObject *t = o->ob_type;
    if (t->tp_free) t->tp_free(o);
    else wf_object_free(o);
}

static WfNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

WfTypeObject wf_complex_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "complex",
    .tp_basicsize = sizeof(WfComplexObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "complex(real=0, imag=0)\n--\n\n"
              "Create a complex number from a real part and an optional imaginary part.\n\n"
              "This is equivalent to (real + imag*1j) where imag defaults to 0.",
    .tp_dealloc = complex_dealloc,
    .tp_repr = wf_complex_repr,
    .tp_hash = complex_hash,
    .tp_richcompare = complex_richcompare,
    .tp_as_number = &complex_as_number,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_new = complex_new,
};

int wf_complex_init(void) { return wf_type_ready(&wf_complex_type); }
