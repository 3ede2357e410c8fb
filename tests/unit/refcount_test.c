// refcount_test.c — white-box tests of biased reference counting
// (runtime/refcount.c): owner fast path, immortal objects, shared counts from
// another thread, merging when the owner's count reaches zero, and queueing
// to the owner when a non-owner drives the shared count negative.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "objects/object.h"
#include "runtime/thread_state.h"

void wf_refcount_merge_queued(WfThreadState *ts);

static int failures, checks;
#define CHECK(cond)                                                              \
    do {                                                                         \
        checks++;                                                                \
        if (!(cond)) {                                                           \
            failures++;                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                        \
    } while (0)

static int freed;
static void test_dealloc(WfObject *o) {
    freed++;
    wf_mem_free(o);
}
WfTypeObject wf_type_type;  // the unit test needs only the symbol
WfTypeObject wf_int_type;
static WfTypeObject test_type = {.tp_name = "test", .tp_basicsize = sizeof(WfObject), .tp_dealloc = test_dealloc};

static WfObject *new_obj(void) {
    WfObject *o = wf_mem_malloc(sizeof(WfObject));
    wf_object_init_header(o, &test_type);
    return o;
}

static void test_owner_path(void) {
    freed = 0;
    WfObject *o = new_obj();
    CHECK(o->ob_tid == wf_current_tid);
    CHECK(o->ob_ref_local == 1);
    wf_incref(o);
    wf_incref(o);
    CHECK(o->ob_ref_local == 3);
    CHECK(atomic_load(&o->ob_ref_shared) == 0);
    wf_decref(o);
    wf_decref(o);
    CHECK(freed == 0);
    wf_decref(o);
    CHECK(freed == 1);
}

static void test_smallint_and_immortal(void) {
    WfObject *i = wf_smallint_new(12345);
    wf_incref(i);  // must not dereference
    wf_decref(i);
    CHECK(wf_smallint_value(i) == 12345);
    CHECK(wf_smallint_value(wf_smallint_new(WF_SMALLINT_MIN)) == WF_SMALLINT_MIN);
    CHECK(wf_smallint_value(wf_smallint_new(WF_SMALLINT_MAX)) == WF_SMALLINT_MAX);
    CHECK(wf_smallint_value(wf_smallint_new(-1)) == -1);
    freed = 0;
    WfObject *o = new_obj();
    wf_object_set_immortal(o);
    for (int k = 0; k < 1000; k++) wf_decref(o);
    CHECK(freed == 0);
    CHECK(o->ob_ref_local == WF_IMMORTAL_REFCNT);
    wf_mem_free(o);
}

typedef struct {
    WfObject *obj;
    int increfs, decrefs;
} Job;

static void *other_thread(void *arg) {
    Job *j = arg;
    WfThreadState *ts = wf_thread_state_new_current();
    (void)ts;
    for (int k = 0; k < j->increfs; k++) wf_incref(j->obj);
    for (int k = 0; k < j->decrefs; k++) wf_decref(j->obj);
    return NULL;
}

static void run_other(Job *j) {
    pthread_t t;
    pthread_create(&t, NULL, other_thread, j);
    pthread_join(t, NULL);
}

static void test_shared_then_merge(void) {
    freed = 0;
    WfObject *o = new_obj();
    Job j = {o, 5, 0};
    run_other(&j);  // another thread holds 5 references
    CHECK(wf_refcount_get(o) == 6);
    CHECK((atomic_load(&o->ob_ref_shared) >> WF_SHARED_SHIFT) == 5);
    wf_decref(o);  // owner drops its only local ref: merge, object stays alive
    CHECK(freed == 0);
    CHECK(o->ob_tid == 0);
    CHECK((atomic_load(&o->ob_ref_shared) & WF_REF_SHARED_STATE_MASK) == WF_REF_SHARED_MERGED);
    Job k = {o, 0, 5};
    run_other(&k);  // the last decref by a non-owner frees it
    CHECK(freed == 1);
}

static void test_queue_to_owner(void) {
    freed = 0;
    WfObject *o = new_obj();
    wf_incref(o);  // owner counts 2 locally
    Job j = {o, 0, 1};
    run_other(&j);  // a non-owner releases one: shared count -1 → queued
    CHECK((atomic_load(&o->ob_ref_shared) & WF_REF_SHARED_STATE_MASK) == WF_REF_SHARED_QUEUED);
    CHECK(wf_tstate()->brc_queue != NULL);
    CHECK(atomic_load(&wf_tstate()->eval_breaker) & 1u);
    wf_refcount_merge_queued(wf_tstate());  // owner merges at its safe point: 2 + (-1) = 1
    CHECK(freed == 0);
    CHECK(wf_refcount_get(o) == 1);
    CHECK(o->ob_tid == 0);
    Job k = {o, 0, 1};
    run_other(&k);
    CHECK(freed == 1);
}

static void *hammer(void *arg) {
    Job *j = arg;
    wf_thread_state_new_current();
    for (int k = 0; k < j->increfs; k++) {
        wf_incref(j->obj);
        wf_decref(j->obj);
    }
    return NULL;
}

static void test_concurrent_hammer(void) {
    freed = 0;
    WfObject *o = new_obj();
    enum { N = 4 };
    pthread_t t[N];
    Job j = {o, 200000, 0};
    for (int i = 0; i < N; i++) pthread_create(&t[i], NULL, hammer, &j);
    for (int k = 0; k < 200000; k++) {
        wf_incref(o);
        wf_decref(o);
    }
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    CHECK(freed == 0);
    CHECK(wf_refcount_get(o) == 1);
    wf_decref(o);
    CHECK(freed == 1);
}

int main(void) {
    wf_thread_state_new_current();
    test_owner_path();
    test_smallint_and_immortal();
    test_shared_then_merge();
    test_queue_to_owner();
    test_concurrent_hammer();
    printf("refcount: %d passed, %d failed\n", checks - failures, failures);
    return failures != 0;
}
