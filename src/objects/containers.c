// containers.c — startup of the containers area and the helpers its types
// share: the per-thread repr guard (CPython's Py_ReprEnter), the deallocation
// limiter (CPython's trashcan), KeyError construction, allocation.
//
// Invariants: all state here is thread-local (no synchronization needed),
// except wf_containers_multithreaded (sticky, see containers.h). The
// repr guard's array is freed whenever it becomes empty. A parked object has
// count zero, an exact static type, and its ob_tid holds the next parked
// object; it is deallocated by the thread that parked it.
#include "objects/containers.h"

#include "objects/dict.h"
#include "objects/genericalias.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/threads.h"

// ---------------------------------------------------------------------------
// Container sections (containers.h)

_Atomic(int) wf_containers_multithreaded;
_Thread_local bool wf_containers_alone;
_Thread_local WfContainerSection *wf_containers_elided;

bool wf_containers_need_lock_slow(void) {
    if (wf_qsbr_registered() <= 1) {
        wf_containers_alone = true;
        return false;
    }
    wf_containers_enter_multithreaded();
    return true;
}

void wf_container_section_lock(WfContainerSection *s) {
    if (s->b) wf_critical_section2_begin(&s->cs, s->a, s->b);
    else wf_critical_section_begin(&s->cs.base, s->a);
    s->locked = true;
}

void wf_container_section_begin_slow(WfContainerSection *s) {
    if (wf_containers_need_lock()) wf_container_section_lock(s);
    else wf_containers_elided = s;
}

void wf_container_section_unlock(WfContainerSection *s) {
    if (s->b) wf_critical_section2_end(&s->cs);
    else wf_critical_section_end(&s->cs.base);
}

void wf_containers_lock_elided(void) {
    WfContainerSection *s = wf_containers_elided;
    wf_containers_elided = NULL;
    // Alone (or about to call the code that could change that): the lock is
    // free unless a section of ours holds it, which the critical-section
    // layer handles.
    wf_container_section_lock(s);
}

void wf_containers_enter_multithreaded(void) {
    if (wf_world_is_stopped()) {
        // We stopped it ourselves (GC, fork, GIL switch): nobody else runs.
        atomic_store_explicit(&wf_containers_multithreaded, 1, memory_order_relaxed);
        return;
    }
    wf_stop_the_world();
    // relaxed: the restart's stores (seq_cst) publish it to every stopped
    // thread, and threads that register later start from a state that
    // followed it or find themselves alone.
    atomic_store_explicit(&wf_containers_multithreaded, 1, memory_order_relaxed);
    wf_start_the_world();
}

// ---------------------------------------------------------------------------
// Repr guard

static _Thread_local WfObject **repr_stack;
static _Thread_local wf_ssize repr_len, repr_cap;

int wf_containers_repr_enter(WfObject *o) {
    for (wf_ssize i = 0; i < repr_len; i++) {
        if (repr_stack[i] == o) return 1;
    }
    if (repr_len == repr_cap) {
        wf_ssize ncap = repr_cap ? repr_cap * 2 : 16;
        WfObject **n = wf_mem_malloc((size_t)ncap * sizeof(WfObject *));
        if (!n) {
            wf_err_no_memory();
            return -1;
        }
        if (repr_len) memcpy(n, repr_stack, (size_t)repr_len * sizeof(WfObject *));
        wf_mem_free(repr_stack);
        repr_stack = n;
        repr_cap = ncap;
    }
    repr_stack[repr_len++] = o;
    return 0;
}

void wf_containers_repr_leave(WfObject *o) {
    // Usually the innermost entry; search from the top to be robust.
    for (wf_ssize i = repr_len - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            memmove(&repr_stack[i], &repr_stack[i + 1], (size_t)(repr_len - i - 1) * sizeof(WfObject *));
            repr_len--;
            break;
        }
    }
    if (repr_len == 0) {
        wf_mem_free(repr_stack);
        repr_stack = NULL;
        repr_cap = 0;
    }
}

// ---------------------------------------------------------------------------
// Deallocation limiter

#define DEALLOC_MAX_DEPTH 50

static _Thread_local int dealloc_depth;
static _Thread_local WfObject *parked_head;
static _Thread_local bool draining;

bool wf_containers_dealloc_enter(WfObject *o) {
    if (dealloc_depth >= DEALLOC_MAX_DEPTH && !(o->ob_type->tp_flags & WF_TPFLAGS_HEAPTYPE)) {
        o->ob_tid = (uintptr_t)parked_head;
        parked_head = o;
        return false;
    }
    dealloc_depth++;
    return true;
}

void wf_containers_dealloc_leave(void) {
    dealloc_depth--;
    if (dealloc_depth != 0 || draining) return;
    draining = true;
    while (parked_head) {
        WfObject *o = parked_head;
        parked_head = (WfObject *)o->ob_tid;
        o->ob_tid = wf_current_tid;
        o->ob_type->tp_dealloc(o);
    }
    draining = false;
}

void wf_containers_free(WfObject *o) {
    WfTypeObject *t = o->ob_type;
    if (t->tp_free) t->tp_free(o);
    else wf_object_free(o);
}

// ---------------------------------------------------------------------------

void wf_containers_key_error(WfObject *key) {
    WfObject *args = wf_tuple_pack(1, key);
    if (!args) return;
    wf_err_set_object(&wf_exc_KeyError, args);
    wf_decref(args);
}

WfObject *wf_containers_alloc(WfTypeObject *type, WfTypeObject *base, wf_ssize nitems) {
    WfObject *o;
    if (type == base) {
        o = base->tp_itemsize ? wf_object_alloc_var(base, nitems) : wf_object_alloc(base);
    } else {
        o = wf_type_generic_alloc(type, nitems);
    }
    if (!o && !wf_err_occurred()) wf_err_no_memory();
    return o;
}

// ---------------------------------------------------------------------------

int wf_containers_init(void) {
    WfTypeObject *types[] = {
        &wf_tuple_type, &wf_tuple_iter_type,
        &wf_list_type, &wf_list_iter_type, &wf_list_reviter_type,
        &wf_dict_type, &wf_dict_keys_type, &wf_dict_values_type, &wf_dict_items_type,
        &wf_dict_keyiter_type, &wf_dict_valueiter_type, &wf_dict_itemiter_type,
        &wf_dict_revkeyiter_type, &wf_dict_revvalueiter_type, &wf_dict_revitemiter_type,
        &wf_set_type, &wf_frozenset_type, &wf_set_iter_type,
        &wf_range_type, &wf_range_iter_type, &wf_long_range_iter_type, &wf_slice_type,
        &wf_seq_iter_type, &wf_callable_iter_type, &wf_enumerate_type, &wf_zip_type,
        &wf_map_type, &wf_filter_type, &wf_reversed_type, &wf_generic_alias_type,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (wf_type_ready(types[i]) < 0) return -1;
    }
    return 0;
}
