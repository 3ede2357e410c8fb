// typesystem_test.c — C API tests of the type system area: readiness of
// static types (slot wrappers, inherited slots, unhashable types), classes
// made with wf_type_new_from_spec (C3 MRO and its error, slots following
// dunders, class attribute assignment invalidating the method cache,
// __slots__ layout, the pre-header dict), the number and comparison
// protocols' errors, and wf_arg_parse's messages. Links the whole runtime
// (every object but runtime/main.o) and starts it.
#include <stdio.h>
#include <string.h>

#include "objects/arg.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"

static int failures, checks;
#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define I(v) wf_smallint_new(v)

// repr(o) == expected; consumes o.
static int repr_is(WfObject *o, const char *expected) {
    if (!o) {
        wf_err_print();
        return 0;
    }
    WfObject *s = wf_object_repr(o);
    wf_decref(o);
    if (!s) {
        wf_err_print();
        return 0;
    }
    int ok = wf_str_equal_cstr(s, expected);
    if (!ok) fprintf(stderr, "  got %s, expected %s\n", wf_str_as_utf8_borrow(s), expected);
    wf_decref(s);
    return ok;
}

// The pending exception is `type` with message `msg`; clears it.
static int error_is(WfTypeObject *type, const char *msg) {
    WfObject *exc = wf_err_fetch();
    if (!exc) {
        fprintf(stderr, "  no exception, expected %s\n", msg);
        return 0;
    }
    int ok = wf_type_of(exc) == type;
    WfObject *s = wf_object_str(exc);
    if (s) {
        if (!wf_str_equal_cstr(s, msg)) {
            fprintf(stderr, "  got %s: %s\n  expected %s\n", wf_type_of(exc)->tp_name, wf_str_as_utf8_borrow(s), msg);
            ok = 0;
        }
        wf_decref(s);
    } else {
        wf_err_clear();
        ok = 0;
    }
    wf_decref(exc);
    return ok;
}

static WfObject *str(const char *s) { return wf_str_intern_cstr(s); }

static WfObject *new_class(const char *name, WfObject *bases, WfObject *dict) {
    WfObject *n = wf_str_from_cstr(name);
    WfObject *d = dict ? dict : wf_dict_new();
    WfObject *c = wf_type_new_from_spec(&wf_type_type, n, bases, d, NULL);
    wf_decref(n);
    if (!dict) wf_decref(d);
    if (!c) wf_err_print();
    return c;
}

static void test_static_types(void) {
    CHECK(repr_is(wf_newref((WfObject *)&wf_int_type), "<class 'int'>"));
    CHECK(repr_is(wf_object_getattr((WfObject *)&wf_int_type, str("__add__")), "<slot wrapper '__add__' of 'int' objects>"));
    CHECK(repr_is(wf_object_getattr((WfObject *)&wf_list_type, str("append")), "<method 'append' of 'list' objects>"));
    CHECK(repr_is(wf_object_getattr((WfObject *)&wf_list_type, str("__hash__")), "None"));
    CHECK(repr_is(wf_object_getattr((WfObject *)&wf_object_type, str("__init__")),
                  "<slot wrapper '__init__' of 'object' objects>"));
    CHECK(wf_object_hash(wf_list_new(0)) == -1 && error_is(&wf_exc_TypeError, "unhashable type: 'list'"));
    CHECK(wf_type_is_subtype(&wf_bool_type, &wf_int_type));
    CHECK(wf_bool_type.tp_flags & WF_TPFLAGS_INT_SUBCLASS);
    CHECK(repr_is(wf_newref(wf_None), "None"));
    CHECK(repr_is(wf_newref(wf_Ellipsis), "Ellipsis"));
    CHECK(repr_is(wf_newref(wf_NotImplemented), "NotImplemented"));
    WfObject *r = wf_object_call((WfObject *)&wf_none_type, NULL, 0, NULL);
    CHECK(r == wf_None);
    WfObject *one = I(1);
    CHECK(!wf_object_call((WfObject *)&wf_none_type, &one, 1, NULL) &&
          error_is(&wf_exc_TypeError, "NoneType takes no arguments"));
    CHECK(!wf_object_call((WfObject *)&wf_object_type, &one, 1, NULL) &&
          error_is(&wf_exc_TypeError, "object() takes no arguments"));
}

static void test_protocol_errors(void) {
    WfObject *s = wf_str_from_cstr("a");
    CHECK(!wf_number_add(s, I(1)) && error_is(&wf_exc_TypeError, "can only concatenate str (not \"int\") to str"));
    CHECK(!wf_number_add(I(1), s) && error_is(&wf_exc_TypeError, "unsupported operand type(s) for +: 'int' and 'str'"));
    CHECK(!wf_number_multiply(s, s) && error_is(&wf_exc_TypeError, "can't multiply sequence by non-int of type 'str'"));
    CHECK(!wf_number_power(I(2), s, wf_None) &&
          error_is(&wf_exc_TypeError, "unsupported operand type(s) for ** or pow(): 'int' and 'str'"));
    CHECK(!wf_number_negative(s) && error_is(&wf_exc_TypeError, "bad operand type for unary -: 'str'"));
    CHECK(!wf_object_richcompare(I(1), s, WF_LT) &&
          error_is(&wf_exc_TypeError, "'<' not supported between instances of 'int' and 'str'"));
    CHECK(wf_object_richcompare(I(1), s, WF_EQ) == wf_False);
    CHECK(!wf_object_getitem(I(1), I(0)) && error_is(&wf_exc_TypeError, "'int' object is not subscriptable"));
    CHECK(wf_object_len(I(1)) == -1 && error_is(&wf_exc_TypeError, "object of type 'int' has no len()"));
    CHECK(!wf_object_get_iter(I(1)) && error_is(&wf_exc_TypeError, "'int' object is not iterable"));
    CHECK(wf_sequence_contains(I(1), I(1)) == -1 && error_is(&wf_exc_TypeError, "argument of type 'int' is not iterable"));
    CHECK(!wf_object_call(I(1), NULL, 0, NULL) && error_is(&wf_exc_TypeError, "'int' object is not callable"));
    CHECK(!wf_object_getattr(I(1), str("nope")) &&
          error_is(&wf_exc_AttributeError, "'int' object has no attribute 'nope'"));
    CHECK(wf_object_isinstance(I(1), I(5)) == -1 &&
          error_is(&wf_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union"));
    WfObject *tup = wf_tuple_pack(2, (WfObject *)&wf_str_type, (WfObject *)&wf_int_type);
    CHECK(wf_object_isinstance(I(1), tup) == 1);
    wf_decref(tup);
    CHECK(wf_number_as_ssize(I(7), NULL) == 7);
    CHECK(!wf_number_index(s) && error_is(&wf_exc_TypeError, "'str' object cannot be interpreted as an integer"));
    wf_decref(s);
}

static void test_classes(void) {
    WfObject *empty = wf_tuple_empty();
    WfObject *A = new_class("A", empty, NULL);
    WfObject *bases = wf_tuple_pack(1, A);
    WfObject *B = new_class("B", bases, NULL);
    wf_decref(bases);
    CHECK(A && B);
    if (!A || !B) return;
    CHECK(repr_is(wf_object_getattr(B, str("__mro__")), "(<class 'B'>, <class 'A'>, <class 'object'>)"));
    // class C(A, B) is inconsistent.
    WfObject *ab = wf_tuple_pack(2, A, B);
    WfObject *n = wf_str_from_cstr("C");
    WfObject *d = wf_dict_new();
    CHECK(!wf_type_new_from_spec(&wf_type_type, n, ab, d, NULL) &&
          error_is(&wf_exc_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases A, B"));
    wf_decref(ab);
    WfObject *bb = wf_tuple_pack(1, (WfObject *)&wf_bool_type);
    CHECK(!wf_type_new_from_spec(&wf_type_type, n, bb, d, NULL) &&
          error_is(&wf_exc_TypeError, "type 'bool' is not an acceptable base type"));
    wf_decref(bb);
    wf_decref(n);
    wf_decref(d);

    // Instances: attributes live in the pre-header dict.
    WfObject *b = wf_object_call(B, NULL, 0, NULL);
    CHECK(b != NULL);
    CHECK(wf_object_setattr(b, str("x"), I(5)) == 0);
    CHECK(repr_is(wf_object_getattr(b, str("x")), "5"));
    CHECK(wf_object_dict_ptr(b) == (WfObject **)((char *)b - WF_PREHEADER_SIZE));
    CHECK(!wf_object_getattr(b, str("y")) && error_is(&wf_exc_AttributeError, "'B' object has no attribute 'y'"));

    // Class attribute assignment invalidates the cache for subclasses.
    CHECK(wf_object_setattr(A, str("attr"), I(1)) == 0);
    CHECK(wf_type_lookup((WfTypeObject *)B, str("attr")) == I(1));
    CHECK(wf_object_setattr(A, str("attr"), I(2)) == 0);
    CHECK(wf_type_lookup((WfTypeObject *)B, str("attr")) == I(2));
    CHECK(repr_is(wf_object_getattr(b, str("attr")), "2"));

    // Assigning __len__ on the base fills tp_len of the subclass.
    WfObject *len_fn = wf_object_getattr((WfObject *)&wf_list_type, str("__len__"));
    CHECK(((WfTypeObject *)B)->tp_len == NULL);
    CHECK(wf_object_setattr(A, str("__len__"), len_fn) == 0);
    CHECK(((WfTypeObject *)B)->tp_len != NULL);
    wf_decref(len_fn);
    // __eq__ without __hash__ makes instances unhashable.
    WfObject *eqd = wf_dict_new();
    WfObject *eq = wf_object_getattr((WfObject *)&wf_object_type, str("__eq__"));
    wf_dict_set_item(eqd, str("__eq__"), eq);
    wf_decref(eq);
    WfObject *E = new_class("E", empty, eqd);
    wf_decref(eqd);
    WfObject *e = E ? wf_object_call(E, NULL, 0, NULL) : NULL;
    CHECK(e && wf_object_hash(e) == -1 && error_is(&wf_exc_TypeError, "unhashable type: 'E'"));
    wf_xdecref(e);
    wf_xdecref(E);

    // __slots__
    WfObject *sd = wf_dict_new();
    WfObject *slots = wf_tuple_pack(2, str("a"), str("b"));
    wf_dict_set_item(sd, str("__slots__"), slots);
    wf_decref(slots);
    WfObject *S = new_class("S", empty, sd);
    wf_decref(sd);
    if (S) {
        CHECK(((WfTypeObject *)S)->tp_basicsize == (wf_ssize)sizeof(WfObject) + 2 * (wf_ssize)sizeof(WfObject *));
        CHECK(((WfTypeObject *)S)->tp_dictoffset == 0);
        WfObject *s = wf_object_call(S, NULL, 0, NULL);
        CHECK(!wf_object_getattr(s, str("a")) && error_is(&wf_exc_AttributeError, "'S' object has no attribute 'a'"));
        CHECK(wf_object_setattr(s, str("b"), I(3)) == 0);
        CHECK(repr_is(wf_object_getattr(s, str("b")), "3"));
        CHECK(wf_object_setattr(s, str("c"), I(3)) == -1 &&
              error_is(&wf_exc_AttributeError, "'S' object has no attribute 'c'"));
        wf_decref(s);
        wf_decref(S);
    }
    wf_decref(b);
    wf_decref(B);
    wf_decref(A);
}

static void test_arg_parse(void) {
    static const WfArgParser p = {"f", "O|O$O", {"a", "b", "c", NULL}};
    WfObject *a = NULL, *b = NULL, *c = NULL;
    WfObject *args[4] = {I(1), I(2), I(3), I(4)};
    CHECK(wf_arg_parse(args, 2, NULL, &p, &a, &b, &c) == 0 && a == I(1) && b == I(2) && c == NULL);
    CHECK(wf_arg_parse(args, 3, NULL, &p, &a, &b, &c) == -1 &&
          error_is(&wf_exc_TypeError, "f() takes at most 2 arguments (3 given)"));
    CHECK(wf_arg_parse(args, 0, NULL, &p, &a, &b, &c) == -1 &&
          error_is(&wf_exc_TypeError, "f() missing required argument 'a' (pos 1)"));
    WfObject *kw = wf_tuple_pack(1, str("x"));
    CHECK(wf_arg_parse(args, 1, kw, &p, &a, &b, &c) == -1 &&
          error_is(&wf_exc_TypeError, "'x' is an invalid keyword argument for f()"));
    wf_decref(kw);
    kw = wf_tuple_pack(1, str("a"));
    CHECK(wf_arg_parse(args, 1, kw, &p, &a, &b, &c) == -1 &&
          error_is(&wf_exc_TypeError, "argument for f() given by name ('a') and position (1)"));
    wf_decref(kw);
    kw = wf_tuple_pack(1, str("c"));
    a = b = c = NULL;
    CHECK(wf_arg_parse(args, 1, kw, &p, &a, &b, &c) == 0 && a == I(1) && b == NULL && c == I(2));
    wf_decref(kw);
    static const WfArgParser q = {"sorted", "O", {"", NULL}};
    CHECK(wf_arg_parse(args, 0, NULL, &q, &a) == -1 && error_is(&wf_exc_TypeError, "sorted expected 1 argument, got 0"));
}

int main(int argc, char **argv) {
    WfConfig config = {0};
    config.gil = -1;
    config.hashseed = "0";
    config.program_name = "typesystem_test";
    if (wf_runtime_initialize(&config, argc, argv) < 0) {
        fprintf(stderr, "runtime initialization failed\n");
        return 1;
    }
    test_static_types();
    test_protocol_errors();
    test_classes();
    test_arg_parse();
    printf("typesystem_test: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
