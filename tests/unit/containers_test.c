// containers_test.c — C API tests of the containers area (tuple, list,
// list_sort, dict, dict_views, set, range, slice, iter): hashes and iteration
// orders that must match CPython 3.11, storage invariants (resize publishes
// new storage, dict entries never move), sort semantics. Links the whole
// runtime (every object but runtime/main.o) and starts it.
#include <stdio.h>
#include <string.h>

#include "objects/containers.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
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

static WfObject *str(const char *s) { return wf_str_from_cstr(s); }

static void test_tuple(void) {
    WfObject *t = wf_tuple_pack(2, I(1), I(2));
    CHECK(wf_tuple_hash(t) == (intptr_t)-3550055125485641917LL);
    CHECK(repr_is(t, "(1, 2)"));
    CHECK(wf_tuple_new(0) == wf_tuple_empty());
    CHECK(wf_tuple_hash(wf_tuple_empty()) == 5740354900026072187LL);
    CHECK(repr_is(wf_tuple_pack(1, I(1)), "(1,)"));
    WfObject *inner = wf_tuple_pack(2, I(1), I(2));
    WfObject *outer = wf_tuple_pack(2, inner, I(3));
    CHECK(wf_tuple_hash(outer) == -333907151259015829LL);
    wf_decref(inner);
    wf_decref(outer);
    WfObject *l = wf_list_from_array((WfObject *[]){I(5), I(6), I(7)}, 3);
    WfObject *t2 = wf_tuple_from_iterable(l);
    CHECK(repr_is(wf_tuple_slice(t2, 1, 10), "(6, 7)"));
    wf_decref(t2);
    wf_decref(l);
}

static void test_list(void) {
    WfObject *l = wf_list_new(0);
    WfListObject *lo = (WfListObject *)l;
    WfObject **before = NULL;
    int moves = 0;
    for (int i = 0; i < 100; i++) {
        CHECK(wf_list_append(l, I(i)) == 0);
        if (lo->ob_item != before) moves++;
        before = lo->ob_item;
        WfListArray *a = (WfListArray *)((char *)lo->ob_item - offsetof(WfListArray, items));
        CHECK(a->allocated >= wf_list_size(l));
    }
    CHECK(moves > 3 && moves < 30);  // amortized growth
    CHECK(wf_list_insert(l, 0, I(-1)) == 0);
    CHECK(wf_list_insert(l, -1, I(-2)) == 0);
    WfObject *x = wf_list_get_item(l, 0);
    CHECK(x == I(-1));
    x = wf_list_get_item(l, 100);
    CHECK(x == I(-2));
    CHECK(wf_list_get_item(l, 102) == NULL && wf_err_matches(&wf_exc_IndexError));
    wf_err_clear();
    CHECK(wf_list_reverse(l) == 0);
    CHECK(wf_list_get_item(l, 0) == I(99));
    CHECK(wf_list_sort(l, NULL, false) == 0);
    CHECK(wf_list_get_item(l, 0) == I(-2) && wf_list_get_item(l, 101) == I(99));
    WfObject *s = wf_list_slice(l, 0, 4);
    CHECK(repr_is(s, "[-2, -1, 0, 1]"));
    wf_decref(l);

    // Recursive repr.
    l = wf_list_new(0);
    wf_list_append(l, I(1));
    wf_list_append(l, l);
    WfObject *r = wf_object_repr(l);
    CHECK(r && wf_str_equal_cstr(r, "[1, [...]]"));
    wf_xdecref(r);
    // (the cycle is left alive: no cycle collector yet)
}

static void test_sort(void) {
    // NaNs: the result depends on the exact comparison sequence (CPython 3.11:
    // [3, nan, 1, 2, nan, 0]).
    WfObject *nan = wf_float_new(0.0 / 0.0);
    WfObject *l = wf_list_from_array((WfObject *[]){I(3), nan, I(1), I(2), nan, I(0)}, 6);
    CHECK(wf_list_sort(l, NULL, false) == 0);
    CHECK(repr_is(l, "[3, nan, 1, 2, nan, 0]"));
    wf_decref(nan);
    // Stability with reverse, big input (exercises runs, galloping, merges).
    WfObject *big = wf_list_new(0);
    for (int i = 0; i < 5000; i++) wf_list_append(big, I((i * 7919) % 1000));
    CHECK(wf_list_sort(big, NULL, true) == 0);
    bool ok = true;
    for (int i = 1; i < 5000; i++)
        if (wf_smallint_value(wf_list_get_borrow_unsafe(big, i - 1)) < wf_smallint_value(wf_list_get_borrow_unsafe(big, i)))
            ok = false;
    CHECK(ok);
    wf_decref(big);
    // Mixed types raise TypeError and keep every item.
    WfObject *a = str("a");
    l = wf_list_from_array((WfObject *[]){I(1), a, I(2)}, 3);
    CHECK(wf_list_sort(l, NULL, false) < 0 && wf_err_matches(&wf_exc_TypeError));
    wf_err_clear();
    CHECK(wf_list_size(l) == 3);
    wf_decref(l);
    wf_decref(a);
}

static void test_dict(void) {
    WfObject *d = wf_dict_new();
    WfDictObject *mp = (WfDictObject *)d;
    for (int i = 0; i < 1000; i++) CHECK(wf_dict_set_item(d, I(i), I(i * i)) == 0);
    CHECK(wf_dict_size(d) == 1000);
    WfObject *v;
    CHECK(wf_dict_get_item_ref(d, I(999), &v) == 1 && v == I(998001));
    // Entries don't move while a keys object is installed.
    WfDictKeys *k = atomic_load(&mp->keys);
    wf_ssize ix = wf_dict_lookup_index(d, I(10));
    CHECK(ix == 10);
    CHECK(wf_dict_del_item(d, I(5)) == 0);
    CHECK(atomic_load(&mp->keys) == k && wf_dict_lookup_index(d, I(10)) == 10);
    CHECK(wf_dict_lookup_index(d, I(5)) == -1 && !wf_err_occurred());
    CHECK(wf_dict_del_item(d, I(5)) < 0 && wf_err_matches(&wf_exc_KeyError));
    wf_err_clear();
    // Insertion order survives deletion and re-insertion.
    CHECK(wf_dict_set_item(d, I(5), I(0)) == 0);
    wf_ssize pos = 0;
    WfObject *key, *val, *last = NULL;
    int n = 0;
    while (wf_dict_next(d, &pos, &key, &val)) {
        last = key;
        n++;
    }
    CHECK(n == 1000 && last == I(5));
    // String keys and the cstr helpers.
    WfObject *sd = wf_dict_new();
    wf_dict_set_item_cstr(sd, "b", I(1));
    wf_dict_set_item_cstr(sd, "a", I(2));
    CHECK(wf_dict_get_item_cstr_borrow(sd, "a") == I(2));
    CHECK(repr_is(wf_dict_copy(sd), "{'b': 1, 'a': 2}"));
    WfObject *popped;
    WfObject *kb = str("b");
    CHECK(wf_dict_pop(sd, kb, &popped) == 1 && popped == I(1));
    CHECK(wf_dict_pop(sd, kb, &popped) == 0);
    wf_decref(kb);
    WfObject *dflt = wf_dict_setdefault(sd, str("c"), I(3));
    CHECK(dflt == I(3));
    CHECK(repr_is(wf_dict_items_list(sd), "[('a', 2), ('c', 3)]"));
    wf_dict_clear(sd);
    CHECK(wf_dict_size(sd) == 0);
    wf_decref(sd);
    // Unhashable key.
    WfObject *lk = wf_list_new(0);
    CHECK(wf_dict_set_item(d, lk, I(1)) < 0 && wf_err_matches(&wf_exc_TypeError));
    wf_err_clear();
    wf_decref(lk);
    wf_decref(d);
}

static void test_set(void) {
    // Iteration order of ints matches CPython.
    WfObject *s = wf_set_new(NULL);
    for (int i = 0; i < 50; i++) wf_set_add(s, I(i * 37 % 101));
    WfObject *l = wf_list_from_iterable(s);
    CHECK(repr_is(wf_list_slice(l, 0, 8), "[0, 2, 3, 6, 9, 10, 12, 13]"));
    wf_decref(l);
    wf_decref(s);
    WfObject *r = wf_range_new(NULL, I(100), NULL);
    s = wf_set_new(r);
    wf_decref(r);
    for (int i = 0; i < 100; i += 3) wf_set_discard(s, I(i));
    for (int i = 0; i < 10; i++) wf_set_add(s, I(i * 1000));
    l = wf_list_from_iterable(s);
    CHECK(repr_is(wf_list_slice(l, 24, 30), "[37, 38, 0, 40, 41, 43]"));
    wf_decref(l);
    wf_decref(s);
    // frozenset hash.
    WfObject *t = wf_tuple_pack(2, I(1), I(2));
    WfObject *fs = wf_frozenset_new(t);
    CHECK(wf_object_hash(fs) == -1826646154956904602LL);
    wf_decref(fs);
    wf_decref(t);
    fs = wf_frozenset_new(NULL);
    CHECK(wf_object_hash(fs) == 133146708735736LL);
    CHECK(repr_is(fs, "frozenset()"));
    s = wf_set_new(NULL);
    wf_set_add(s, I(2));
    wf_set_add(s, I(1));
    CHECK(repr_is(s, "{1, 2}"));
}

static void test_range_slice(void) {
    WfObject *r = wf_range_new(I(0), I(20), I(3));
    CHECK(repr_is(wf_newref(r), "range(0, 20, 3)"));
    CHECK(wf_object_len(r) == 7);
    WfObject *it = wf_object_get_iter(r);
    WfObject *first = wf_iter_next(it);
    CHECK(first == I(0) && wf_is_smallint(first));
    wf_decref(it);
    WfObject *sl = wf_slice_new(NULL, NULL, I(-1));
    CHECK(repr_is(wf_object_getitem(r, sl), "range(18, -3, -3)"));
    CHECK(repr_is(wf_newref(sl), "slice(None, None, -1)"));
    wf_ssize start, stop, step, len;
    CHECK(wf_slice_get_indices(sl, 10, &start, &stop, &step, &len) == 0);
    CHECK(start == 9 && stop == -1 && step == -1 && len == 10);
    wf_decref(sl);
    wf_decref(r);
    r = wf_range_new(I(5), I(0), NULL);
    CHECK(wf_object_len(r) == 0);
    wf_decref(r);
}

// The lock-free read primitives (containers.h): which header states let a
// reader take a reference without the container's lock.
static void test_try_incref(void) {
    CHECK(wf_object_try_incref(I(5)));                   // tagged: nothing to count
    CHECK(wf_object_try_incref(wf_None));                // immortal
    WfObject *o = wf_float_new(1.5);                     // owned by us, local count 1
    CHECK(wf_object_try_incref_fast(o));
    CHECK(wf_ref_local_load(o) == 2);
    wf_decref(o);
    // Seen from another thread (pretend by changing the owner): a shared word
    // of 0 is refused (the owner may be freeing it on a plain read of 0) ...
    uintptr_t owner = o->ob_tid;
    __atomic_store_n(&o->ob_tid, owner + 8, __ATOMIC_RELAXED);
    CHECK(!wf_object_try_incref_fast(o));
    CHECK(!wf_object_try_incref(o));
    CHECK(atomic_load(&o->ob_ref_shared) == 0);
    // ... so is MERGED with a zero count; anything else takes a shared ref.
    atomic_store(&o->ob_ref_shared, WF_REF_SHARED_MERGED);
    CHECK(!wf_object_try_incref(o));
    atomic_store(&o->ob_ref_shared, WF_REF_SHARED_MAYBE_WEAKREF);
    CHECK(wf_object_try_incref(o));
    CHECK(atomic_load(&o->ob_ref_shared) == (WF_REF_SHARED_MAYBE_WEAKREF | (1 << WF_SHARED_SHIFT)));
    atomic_store(&o->ob_ref_shared, 0);
    __atomic_store_n(&o->ob_tid, owner, __ATOMIC_RELAXED);
    // try_incref_compare re-checks the slot.
    WfObject *slot = o, *other = I(1);
    CHECK(wf_object_try_incref_compare(&slot, o) && wf_ref_local_load(o) == 2);
    wf_decref(o);
    CHECK(!wf_object_try_incref_compare(&other, o) && wf_ref_local_load(o) == 1);
    wf_decref(o);
    // A lone thread elides container sections; nothing is pushed or locked.
    CHECK(!atomic_load(&wf_containers_multithreaded));
    CHECK(!wf_containers_need_lock());
    WfObject *l = wf_list_new(0);
    WF_CONTAINER_BEGIN(l);
    CHECK(wf_containers_elided == &wf_csec_ && !wf_csec_.locked);
    CHECK(!wf_mutex_is_locked(WF_OBJECT_MUTEX(l)));
    wf_containers_before_callout();  // locks it for real
    CHECK(wf_csec_.locked && wf_containers_elided == NULL);
    CHECK(wf_mutex_is_locked(WF_OBJECT_MUTEX(l)));
    WF_CONTAINER_END();
    CHECK(!wf_mutex_is_locked(WF_OBJECT_MUTEX(l)) && wf_containers_elided == NULL);
    // A nested section locks the enclosing elided one first.
    WfObject *l2 = wf_list_new(0);
    WF_CONTAINER_BEGIN(l);
    WfContainerSection *outer = &wf_csec_;
    WF_CONTAINER_BEGIN(l2);
    CHECK(outer->locked && wf_mutex_is_locked(WF_OBJECT_MUTEX(l)));
    CHECK(wf_containers_elided == &wf_csec_);
    WF_CONTAINER_END();
    WF_CONTAINER_END();
    CHECK(!wf_mutex_is_locked(WF_OBJECT_MUTEX(l)) && wf_containers_elided == NULL);
    wf_decref(l);
    wf_decref(l2);
}

int main(int argc, char **argv) {
    WfConfig config = {.gil = -1, .program_name = "containers_test"};
    if (wf_runtime_initialize(&config, argc, argv) < 0) return 1;
    test_tuple();
    test_list();
    test_sort();
    test_dict();
    test_set();
    test_range_slice();
    test_try_incref();
    printf("containers_test: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
