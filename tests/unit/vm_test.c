// vm_test.c — C tests of the VM area: stack references, the frame data stack
// across chunk boundaries, running compiled code (wf_eval_code, functions
// called from C with keyword arguments, generators resumed from C), argument
// binding errors, and threads running the same code objects at once while
// their inline caches are specialized and deoptimized (LOAD_ATTR over
// alternating classes, LOAD_GLOBAL over a rebound global). Links the whole
// runtime (every object but runtime/main.o) and starts it.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "compile/compile.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"
#include "runtime/threads.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/stackref.h"

static int failures, checks;
#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

static WfObject *new_globals(void) {
    WfObject *g = wf_dict_new();
    wf_dict_set_item_cstr(g, "__builtins__", wf_runtime.builtins);
    wf_dict_set_item_cstr(g, "__name__", wf_str_intern_cstr("vm_test"));
    return g;
}

// Run `src` in globals `g`; 0 ok, -1 (exception printed).
static int run(WfObject *g, const char *src) {
    WfObject *fn = wf_str_from_cstr("<vm_test>");
    WfCodeObject *co = wf_compile_source(src, strlen(src), fn, WF_COMPILE_EXEC, -1);
    wf_decref(fn);
    if (!co) {
        wf_err_print();
        return -1;
    }
    WfObject *r = wf_eval_code(co, g, g);
    wf_decref((WfObject *)co);
    if (!r) {
        wf_err_print();
        return -1;
    }
    wf_decref(r);
    return 0;
}

static long long get_int(WfObject *g, const char *name) {
    WfObject *v = wf_dict_get_item_cstr_borrow(g, name);
    if (!v || !wf_int_check(v)) return -999999;
    return wf_int_as_long_long(v);
}

static void test_stackrefs(void) {
    WfObject *i5 = wf_smallint_new(5);
    WfStackRef r = wf_stackref_new(i5);
    CHECK(wf_stackref_is_smallint(r) && wf_stackref_as_obj(r) == i5);
    // A tagged int whose bit 1 is set must keep it.
    WfObject *i3 = wf_smallint_new(3);
    CHECK(wf_stackref_as_obj(wf_stackref_immortal(i3)) == i3);
    WfStackRef n = wf_stackref_immortal(wf_None);
    CHECK(!wf_stackref_is_owned(n) && wf_stackref_as_obj(n) == wf_None);
    WfObject *s = wf_str_from_cstr("not interned");
    wf_ssize before = wf_refcount_get(s);
    WfStackRef o = wf_stackref_new(s);
    CHECK(wf_stackref_is_owned(o) && wf_refcount_get(s) == before + 1);
    WfStackRef d = wf_stackref_dup(o);
    CHECK(wf_refcount_get(s) == before + 2);
    wf_stackref_close(d);
    WfObject *owned = wf_stackref_to_owned(o);
    CHECK(owned == s && wf_refcount_get(s) == before + 1);
    wf_decref(owned);
    wf_decref(s);
}

static void test_data_stack(void) {
    WfThreadState *ts = wf_tstate();
    WfObject *g = new_globals();
    CHECK(run(g, "def f(a, b):\n    c = a + b\n    return c\n") == 0);
    WfCodeObject *co = (WfCodeObject *)((WfFunctionObject *)wf_dict_get_item_cstr_borrow(g, "f"))->code;
    enum { N = 20000 };
    static WfFrame *frames[N];
    char *top0 = ts->datastack_top;
    void *chunk0 = ts->datastack_chunk;
    int ok = 1;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            frames[i] = wf_frame_push(ts, co);
            if (!frames[i]) ok = 0;
            for (int k = 0; k < co->co_nlocalsplus; k++) frames[i]->localsplus[k] = WF_STACKREF_NULL;
            frames[i]->func = WF_STACKREF_NULL;
            // Frames never overlap.
            if (i && (char *)frames[i] < (char *)frames[i - 1] + wf_frame_size_slots(co) * sizeof(WfStackRef) &&
                (char *)frames[i] > (char *)frames[i - 1])
                ok = 0;
        }
        for (int i = N - 1; i >= 0; i--) wf_frame_pop(ts, frames[i]);
        if (ts->datastack_top != top0 || ts->datastack_chunk != chunk0) ok = 0;
    }
    CHECK(ok);
    wf_decref(g);
}

static void test_eval(void) {
    WfObject *g = new_globals();
    CHECK(run(g,
              "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
              "r = fib(20)\n"
              "def kw(a, b=2, *args, c, **kw):\n    return a + b + len(args) + c + len(kw)\n"
              "def gen(n):\n    total = 0\n    for i in range(n):\n        x = yield i\n        total += x or 0\n"
              "    return total\n"
              "class C:\n    def __init__(self, v): self.v = v\n    def get(self): return self.v\n"
              "objs = [C(i) for i in range(100)]\n"
              "s = sum(o.get() for o in objs)\n") == 0);
    CHECK(get_int(g, "r") == 6765);
    CHECK(get_int(g, "s") == 4950);
    // A function called from C with keyword arguments.
    WfObject *kw = wf_dict_get_item_cstr_borrow(g, "kw");
    WfObject *args[4] = {wf_smallint_new(1), wf_smallint_new(10), wf_smallint_new(100), wf_smallint_new(1000)};
    WfObject *names = wf_tuple_pack(2, wf_str_intern_cstr("c"), wf_str_intern_cstr("zz"));
    WfObject *res = wf_object_call(kw, args, 2, names);
    CHECK(res && wf_int_as_long_long(res) == 1 + 10 + 100 + 1);
    wf_xdecref(res);
    // Missing keyword-only argument.
    res = wf_object_call(kw, args, 1, NULL);
    WfObject *exc = wf_err_fetch();
    CHECK(!res && exc && wf_type_of(exc) == &wf_exc_TypeError);
    if (exc) {
        WfObject *msg = wf_object_str(exc);
        CHECK(msg && wf_str_equal_cstr(msg, "kw() missing 1 required keyword-only argument: 'c'"));
        wf_xdecref(msg);
        wf_decref(exc);
    }
    // A generator resumed from C.
    WfObject *gen = wf_dict_get_item_cstr_borrow(g, "gen");
    WfObject *three = wf_smallint_new(3);
    WfObject *it = wf_object_call(gen, &three, 1, NULL);
    CHECK(it != NULL);
    WfObject *v = wf_iter_next(it);
    CHECK(v == wf_smallint_new(0));
    WfObject *sent = wf_smallint_new(5);
    for (int i = 1; i < 3; i++) {
        v = wf_object_call_method_cstr(it, "send", &sent, 1);
        CHECK(v == wf_smallint_new(i));
    }
    v = wf_object_call_method_cstr(it, "send", &sent, 1);
    exc = wf_err_fetch();
    CHECK(!v && exc && wf_type_of(exc) == &wf_exc_StopIteration);
    if (exc) {
        WfObject *val = wf_stop_iteration_value(exc);
        CHECK(val == wf_smallint_new(15));
        wf_decref(val);
        wf_decref(exc);
    }
    wf_decref(it);
    wf_decref(g);
}

// --- threads sharing code objects ------------------------------------------

enum { NTHREADS = 4, ROUNDS = 20000 };
static WfObject *shared_globals;
static long long thread_results[NTHREADS];

static void *worker(void *arg) {
    int id = (int)(intptr_t)arg;
    wf_thread_start_current();
    WfObject *fn = wf_dict_get_item_cstr_borrow(shared_globals, "work");
    WfObject *a = wf_smallint_new(id);
    WfObject *r = wf_object_call(fn, &a, 1, NULL);
    if (r) {
        thread_results[id] = wf_int_as_long_long(r);
        wf_decref(r);
    } else {
        wf_err_print();
        thread_results[id] = -1;
    }
    wf_thread_exit_current();
    return NULL;
}

static void test_threads(void) {
    shared_globals = new_globals();
    char src[2048];
    snprintf(src, sizeof src,
             "class A:\n    def __init__(self): self.x = 1\n    def m(self): return 2\n"
             "class B:\n    __slots__ = ('x',)\n    def __init__(self): self.x = 10\n    def m(self): return 20\n"
             "class C:\n    x = 100\n    def m(self): return 200\n"
             "K = 3\n"
             "def get(o):\n    return o.x + o.m()\n"
             "def work(seed):\n"
             "    objs = [A(), B(), C()]\n"
             "    total = 0\n"
             "    for i in range(%d):\n"
             "        o = objs[(i + seed) %% 3] if i %% 7 else objs[0]\n"
             "        total += get(o) + K\n"
             "    return total\n",
             ROUNDS);
    CHECK(run(shared_globals, src) == 0);
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i);
    wf_thread_detach();
    for (int i = 0; i < NTHREADS; i++) pthread_join(th[i], NULL);
    wf_thread_attach();
    // Expected totals computed in C.
    for (int id = 0; id < NTHREADS; id++) {
        long long expect = 0;
        static const long long val[3] = {3, 30, 300};
        for (int i = 0; i < ROUNDS; i++) expect += (i % 7 ? val[(i + id) % 3] : val[0]) + 3;
        CHECK(thread_results[id] == expect);
    }
    wf_decref(shared_globals);
}

int main(int argc, char **argv) {
    WfConfig config = {0};
    config.gil = -1;
    config.hashseed = "0";
    config.program_name = "vm_test";
    if (wf_runtime_initialize(&config, argc, argv) < 0) {
        fprintf(stderr, "runtime initialization failed\n");
        return 1;
    }
    test_stackrefs();
    test_data_stack();
    test_eval();
    test_threads();
    printf("vm_test: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
