// numbers_test.c — C API tests of the numbers area (objects/int*.c, bool.c,
// float*.c, complex.c): tagging/normalization at the small-int boundary,
// arithmetic slots, hashing, conversions, parsing and formatting. Links the
// whole runtime (every object but runtime/main.o) and starts it.
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "objects/complex.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"
#include "runtime/thread_state.h"

static int failures, checks;
#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

static int str_is(WfObject *s, const char *expected) {
    if (!s) {
        wf_err_clear();
        return 0;
    }
    int ok = wf_str_equal_cstr(s, expected);
    if (!ok) fprintf(stderr, "  got '%s', expected '%s'\n", wf_str_as_utf8_borrow(s), expected);
    wf_decref(s);
    return ok;
}

static int repr_is(WfObject *o, const char *expected) {
    if (!o) {
        wf_err_clear();
        return 0;
    }
    int ok = str_is(wf_object_repr(o), expected);
    wf_decref(o);
    return ok;
}

static WfObject *big(const char *s) { return wf_int_from_string(s, (wf_ssize)strlen(s), 10); }

static void test_tagging(void) {
    CHECK(wf_is_smallint(wf_int_from_ssize(WF_SMALLINT_MAX)));
    CHECK(wf_is_smallint(wf_int_from_ssize(WF_SMALLINT_MIN)));
    WfObject *over = wf_int_from_ssize(WF_SMALLINT_MAX + 1);
    CHECK(!wf_is_smallint(over) && wf_int_check_exact(over));
    // MAX + 1 - 1 normalizes back to a tagged word.
    WfObject *back = wf_number_subtract(over, wf_smallint_new(1));
    CHECK(back && wf_is_smallint(back) && wf_smallint_value(back) == WF_SMALLINT_MAX);
    wf_decref(over);
    WfObject *neg = wf_number_negative(wf_smallint_new(WF_SMALLINT_MIN));
    CHECK(neg && !wf_is_smallint(neg));
    CHECK(repr_is(neg, "2305843009213693952"));
    WfObject *p = wf_int_from_unsigned_long_long(UINT64_MAX);
    CHECK(repr_is(p, "18446744073709551615"));
    CHECK(wf_is_smallint(wf_int_from_double(-4.0e15)));
    CHECK(repr_is(wf_int_from_double(1e20), "100000000000000000000"));
}

static void test_arith(void) {
    WfObject *a = wf_smallint_new(-7), *b = wf_smallint_new(2);
    WfObject *q = wf_number_floor_divide(a, b), *r = wf_number_remainder(a, b);
    CHECK(q == wf_smallint_new(-4) && r == wf_smallint_new(1));
    CHECK(repr_is(wf_number_true_divide(a, b), "-3.5"));
    CHECK(repr_is(wf_number_power(wf_smallint_new(2), wf_smallint_new(100), wf_None), "1267650600228229401496703205376"));
    CHECK(repr_is(wf_number_power(wf_smallint_new(2), wf_smallint_new(-1), wf_None), "0.5"));
    CHECK(repr_is(wf_number_power(wf_smallint_new(3), wf_smallint_new(-1), wf_smallint_new(7)), "5"));
    CHECK(repr_is(wf_number_lshift(wf_smallint_new(-1), wf_smallint_new(100)), "-1267650600228229401496703205376"));
    CHECK(wf_number_rshift(wf_smallint_new(-7), wf_smallint_new(1)) == wf_smallint_new(-4));
    CHECK(wf_number_and(wf_smallint_new(-6), wf_smallint_new(3)) == wf_smallint_new(2));
    WfObject *x = big("-123456789012345678901234567890");
    CHECK(repr_is(wf_number_and(x, wf_smallint_new(0xFFFF)), "62766"));
    CHECK(repr_is(wf_number_true_divide(x, big("1000000000000000000000")), "-123456789.01234567"));
    wf_decref(x);
    CHECK(wf_number_floor_divide(wf_smallint_new(1), wf_smallint_new(0)) == NULL && wf_err_matches(&wf_exc_ZeroDivisionError));
    wf_err_clear();
    CHECK(wf_number_lshift(wf_smallint_new(1), wf_smallint_new(-1)) == NULL && wf_err_matches(&wf_exc_ValueError));
    wf_err_clear();
    // bool & bool stays bool; bool + bool is int.
    CHECK(wf_number_and(wf_True, wf_False) == wf_False);
    CHECK(wf_number_add(wf_True, wf_True) == wf_smallint_new(2));
}

static void test_hash_compare(void) {
    CHECK(wf_int_hash(wf_smallint_new(-1)) == -2);
    WfObject *m = big("2305843009213693951");  // 2**61 - 1
    CHECK(wf_int_hash(m) == 0);
    wf_decref(m);
    CHECK(wf_float_hash_double(1.5) == 1152921504606846977LL);
    CHECK(wf_float_hash_double(-0.5) == -1152921504606846976LL);
    CHECK(wf_float_hash_double(2.0) == 2);
    CHECK(wf_float_hash_double(INFINITY) == 314159);
    WfObject *h = big("10000000000000000000000");
    WfObject *f = wf_float_new(1e22);
    CHECK(wf_object_hash(h) == wf_object_hash(f));
    CHECK(wf_object_richcompare_bool(h, f, WF_EQ) == 1);
    wf_decref(f);
    f = wf_float_new(9007199254740992.0);  // 2**53
    WfObject *n = wf_int_from_ssize(9007199254740993);
    CHECK(wf_object_richcompare_bool(n, f, WF_GT) == 1);
    CHECK(wf_object_richcompare_bool(n, f, WF_EQ) == 0);
    wf_decref(f);
    wf_decref(h);
    CHECK(wf_int_compare(wf_smallint_new(3), wf_True) == 1);
}

static void test_conversions(void) {
    WfObject *x = big("9223372036854775808");  // 2**63
    CHECK(wf_int_as_ssize(x) == -1 && wf_err_matches(&wf_exc_OverflowError));
    wf_err_clear();
    int overflow;
    wf_int_as_long_long_overflow(x, &overflow);
    CHECK(overflow == 1);
    wf_decref(x);
    // Correct rounding of int → float: 2**53 + 1 rounds to even, 2**53 + 3 up.
    x = big("9007199254740993");
    CHECK(wf_int_as_double(x) == 9007199254740992.0);
    wf_decref(x);
    x = big("9007199254740995");
    CHECK(wf_int_as_double(x) == 9007199254740996.0);
    wf_decref(x);
    x = wf_number_power(wf_smallint_new(10), wf_smallint_new(400), wf_None);
    CHECK(wf_int_as_double(x) == -1.0 && wf_err_matches(&wf_exc_OverflowError));
    wf_err_clear();
    wf_decref(x);
    CHECK(repr_is(wf_int_from_string(" -0x_ff ", 8, 0), "-255"));
    CHECK(wf_int_from_string("08", 2, 0) == NULL && wf_err_matches(&wf_exc_ValueError));
    wf_err_clear();
    CHECK(repr_is(wf_int_from_string("1_000_000", 9, 10), "1000000"));
    CHECK(str_is(wf_int_format_base(wf_smallint_new(-255), 16, true), "-0xff"));
    CHECK(str_is(wf_int_format_base(wf_smallint_new(5), 2, false), "101"));
    CHECK(wf_int_sign(wf_smallint_new(-3)) == -1 && wf_int_sign(wf_False) == 0);
}

static void test_float_format(void) {
    char buf[64];
    wf_float_repr_buf(0.1, buf, sizeof buf);
    CHECK(!strcmp(buf, "0.1"));
    wf_float_repr_buf(1e16, buf, sizeof buf);
    CHECK(!strcmp(buf, "1e+16"));
    wf_float_repr_buf(-0.0, buf, sizeof buf);
    CHECK(!strcmp(buf, "-0.0"));
    wf_float_repr_buf(1.5e-7, buf, sizeof buf);
    CHECK(!strcmp(buf, "1.5e-07"));
    wf_float_repr_buf(5e-324, buf, sizeof buf);
    CHECK(!strcmp(buf, "5e-324"));
    wf_float_repr_buf(0.1 + 0.2, buf, sizeof buf);
    CHECK(!strcmp(buf, "0.30000000000000004"));
    char *s = wf_float_to_string(2.5, 'f', 0, 0);
    CHECK(s && !strcmp(s, "2"));
    wf_mem_free(s);
    s = wf_float_to_string(1234.5, 'e', 2, WF_DTOSTR_SIGN);
    CHECK(s && !strcmp(s, "+1.23e+03"));
    wf_mem_free(s);
    s = wf_float_to_string(1.0, 'g', 5, WF_DTOSTR_ALT);
    CHECK(s && !strcmp(s, "1.0000"));
    wf_mem_free(s);
    s = wf_float_to_string(NAN, 'F', 3, WF_DTOSTR_SIGN);
    CHECK(s && !strcmp(s, "+NAN"));
    wf_mem_free(s);
    s = wf_float_to_string(-0.0001, 'f', 2, WF_DTOSTR_NO_NEG_0);
    CHECK(s && !strcmp(s, "0.00"));
    wf_mem_free(s);
    CHECK(repr_is(wf_float_from_string(" -1_000.5e-1 ", 13), "-100.05"));
    CHECK(wf_float_from_string("0x10", 4) == NULL && wf_err_matches(&wf_exc_ValueError));
    wf_err_clear();
    CHECK(repr_is(wf_complex_new(-0.0, -0.0), "(-0-0j)"));
    CHECK(repr_is(wf_complex_new(0.0, 2.5), "2.5j"));
}

static void test_max_str_digits(void) {
    WfObject *x = wf_number_power(wf_smallint_new(10), wf_smallint_new(5000), wf_None);
    CHECK(wf_int_to_decimal_string(x) == NULL && wf_err_matches(&wf_exc_ValueError));
    wf_err_clear();
    wf_int_set_max_str_digits(0);
    WfObject *s = wf_int_to_decimal_string(x);
    CHECK(s && wf_str_length(s) == 5001);
    wf_xdecref(s);
    wf_int_set_max_str_digits(4300);
    wf_decref(x);
}

// Several threads share big ints and floats created by the main thread and
// compute with them at once: operands are only read, results are private.
static WfObject *shared_big, *shared_float;
static int thread_failures;

static void *worker(void *arg) {
    (void)arg;
    wf_thread_state_new_current();
    for (int i = 0; i < 2000; i++) {
        WfObject *sq = wf_number_multiply(shared_big, shared_big);
        WfObject *q = sq ? wf_number_floor_divide(sq, shared_big) : NULL;
        if (!q || wf_object_richcompare_bool(q, shared_big, WF_EQ) != 1) __atomic_add_fetch(&thread_failures, 1, __ATOMIC_RELAXED);
        wf_xdecref(sq);
        wf_xdecref(q);
        WfObject *r = wf_object_repr(shared_float);
        if (!r || !wf_str_equal_cstr(r, "0.30000000000000004")) __atomic_add_fetch(&thread_failures, 1, __ATOMIC_RELAXED);
        wf_xdecref(r);
        WfObject *s = wf_int_to_decimal_string(shared_big);
        if (!s || wf_str_length(s) != 31) __atomic_add_fetch(&thread_failures, 1, __ATOMIC_RELAXED);
        wf_xdecref(s);
    }
    wf_thread_state_delete_current();
    return NULL;
}

static void test_threads(void) {
    shared_big = big("1234567890123456789012345678901");
    shared_float = wf_float_new(0.1 + 0.2);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    CHECK(thread_failures == 0);
    wf_decref(shared_big);
    wf_decref(shared_float);
}

int main(int argc, char **argv) {
    WfConfig config = {.gil = -1, .program_name = "numbers_test"};
    if (wf_runtime_initialize(&config, argc, argv) < 0) return 1;
    test_tagging();
    test_arith();
    test_hash_compare();
    test_conversions();
    test_float_format();
    test_max_str_digits();
    test_threads();
    printf("numbers_test: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
