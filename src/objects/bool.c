// bool.c — the bool type and its two instances.
//
// Invariants: True and False are the only bool instances; they are static,
// immortal WfIntObjects whose mpz points at a static limb and is never written
// (every int operation reads operands through read-only views). bool cannot
// be subclassed (no WF_TPFLAGS_BASETYPE). & | ^ of two bools give a bool;
// every other operation is int's and gives an int.
#include "objects/arg.h"
#include "objects/int_internal.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

static mp_limb_t true_limb = 1, false_limb = 0;

WfIntObject wf_true_object = {
    .ob_base = WF_STATIC_HEAD(&wf_bool_type),
    .value = {{._mp_alloc = 1, ._mp_size = 1, ._mp_d = &true_limb}},
};
WfIntObject wf_false_object = {
    .ob_base = WF_STATIC_HEAD(&wf_bool_type),
    .value = {{._mp_alloc = 1, ._mp_size = 0, ._mp_d = &false_limb}},
};

// Interned "True"/"False", set once by wf_bool_init before other threads exist.
static WfObject *true_str, *false_str;

static WfObject *bool_repr(WfObject *o) {
    WfObject *s = o == wf_True ? true_str : false_str;
    if (!s) s = wf_str_intern_cstr(o == wf_True ? "True" : "False");
    return wf_xnewref(s);
}

static WfObject *bool_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_arg_no_kwargs("bool", kwnames) < 0) return NULL;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "bool expected at most 1 argument, got %zu", nargs);
    if (nargs == 0) return wf_False;
    int r = wf_object_is_true(args[0]);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static WfObject *bool_and(WfObject *a, WfObject *b) {
    if (wf_bool_check(a) && wf_bool_check(b)) return wf_bool_from(a == wf_True && b == wf_True);
    return wf_int_and(a, b);
}

static WfObject *bool_or(WfObject *a, WfObject *b) {
    if (wf_bool_check(a) && wf_bool_check(b)) return wf_bool_from(a == wf_True || b == wf_True);
    return wf_int_or(a, b);
}

static WfObject *bool_xor(WfObject *a, WfObject *b) {
    if (wf_bool_check(a) && wf_bool_check(b)) return wf_bool_from((a == wf_True) != (b == wf_True));
    return wf_int_xor(a, b);
}

static int bool_bool(WfObject *a) { return a == wf_True; }

static WfNumberMethods bool_as_number = {
    .nb_add = wf_int_add,
    .nb_subtract = wf_int_subtract,
    .nb_multiply = wf_int_multiply,
    .nb_remainder = wf_int_remainder,
    .nb_divmod = wf_int_divmod,
    .nb_power = wf_int_power,
    .nb_negative = wf_int_negative,
    .nb_positive = wf_int_positive,
    .nb_absolute = wf_int_absolute,
    .nb_bool = bool_bool,
    .nb_invert = wf_int_invert,
    .nb_lshift = wf_int_lshift,
    .nb_rshift = wf_int_rshift,
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
    .nb_int = wf_int_int,
    .nb_float = wf_int_float,
    .nb_floor_divide = wf_int_floor_divide,
    .nb_true_divide = wf_int_true_divide,
    .nb_index = wf_int_int,
};

WfTypeObject wf_bool_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "bool",
    .tp_basicsize = sizeof(WfIntObject),
    .tp_flags = WF_TPFLAGS_INT_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bool(x) -> bool\n\n"
              "Returns True when the argument x is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_dealloc = wf_int_dealloc,
    .tp_repr = bool_repr,
    .tp_hash = wf_int_hash,
    .tp_richcompare = wf_int_richcompare,
    .tp_as_number = &bool_as_number,
    .tp_base = &wf_int_type,
    .tp_new = bool_new,
};

int wf_bool_init(void) {
    if (wf_type_ready(&wf_bool_type) < 0) return -1;
    true_str = wf_str_intern_cstr("True");
    false_str = wf_str_intern_cstr("False");
    if (!true_str || !false_str) return -1;
    return 0;
}
