// list.c — list: a mutable array of references, and its forward and reverse
// iterators.
//
// Invariants:
// - ob_item is NULL (no storage) or the `items` of a WfListArray with
//   allocated >= ob_size. Slots [0, ob_size) hold owned references; every
//   slot past ob_size is NULL. (Under the lock, an insertion or deletion may
//   transiently leave a neighbour's pointer duplicated in a slot; the list
//   still owns that object once.)
// - Every mutation runs inside the list's critical section (its ob_mutex).
//   A removed item leaves every slot before its reference is dropped, and
//   references are dropped after the section ends wherever the code allows
//   (Garbage below), so __del__ never runs on a half-done list. Code that
//   calls out while holding the section (extend's iterator, sort's key and
//   comparisons) re-validates afterwards: the section is suspended whenever
//   the thread blocks, and other threads may then mutate the list.
// - Stores into installed storage are atomic (release for items, so a reader
//   sees the item's contents; relaxed for ob_size), and moves within it go
//   element by element: a lock-free reader never sees a torn pointer.
// - Storage is never resized in place and never installed twice: a capacity
//   change allocates a new WfListArray, copies, publishes it (release store)
//   and frees the old one with wf_qsbr_free_storage (a reader that loaded it
//   may still be reading it). Only dealloc frees at once (no reader can hold
//   a list whose count is zero).
// - Lock-free reads (lst[i], len, iteration, `in`, index, count, repr,
//   comparison): load ob_size (relaxed) and ob_item (acquire), bounds-check
//   against the array's `allocated`, load the slot (acquire), try-incref the
//   item and re-check the slot, then re-check that ob_item is still that
//   array. Then the array was installed during the whole read and owned the
//   item the whole time (containers.h), so the reference is to the live item.
//   Any failure falls back to reading under the lock.
// - While list.sort runs, ob_item is the static `sort_sentinel` array
//   (allocated 0, size 0) and the items are sorted in a private copy, which
//   no reader can see until it is published as the new storage. Any mutation
//   meanwhile replaces the sentinel, which is how sort detects "list modified
//   during sort". The sentinel is never freed.
// - Iterators claim positions with a CAS on their index, so a shared iterator
//   hands out each position once; they keep their list until deallocated
//   (clearing it on exhaustion could free it under a concurrent next()), and
//   an index of -1 marks them exhausted for good.
#include "objects/list.h"

#include "objects/arg.h"
#include "objects/containers.h"
#include "objects/genericalias.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "sync/qsbr.h"

#define LIST(o) ((WfListObject *)(o))

static WfListArray sort_sentinel = { .allocated = 0 };

static WfListArray *array_of(WfObject **items) {
    return (WfListArray *)((char *)items - offsetof(WfListArray, items));
}

// Storage that has been unpublished: a lock-free reader may still hold it.
static void items_free(WfObject **items) {
    if (items && items != sort_sentinel.items) wf_qsbr_free_storage(array_of(items));
}

// Relaxed: ob_size is a hint that every reader re-validates (against the
// array's capacity and the slot's contents); writers hold the lock.
static wf_ssize size_of(WfListObject *l) { return __atomic_load_n(&l->ob_base.ob_size, __ATOMIC_RELAXED); }
static void set_size(WfListObject *l, wf_ssize n) { __atomic_store_n(&l->ob_base.ob_size, n, __ATOMIC_RELAXED); }

// The storage under the lock (relaxed: only lock holders write it).
static WfObject **items_of(WfListObject *l) { return __atomic_load_n(&l->ob_item, __ATOMIC_RELAXED); }

// Acquire: pairs with publish_items, so the array's header and copied items
// are visible to a lock-free reader.
static WfObject **items_acquire(WfListObject *l) { return __atomic_load_n(&l->ob_item, __ATOMIC_ACQUIRE); }

static wf_ssize list_allocated(WfListObject *l) {
    WfObject **items = items_of(l);
    return items ? array_of(items)->allocated : 0;
}

// Release store: a lock-free reader that acquires ob_item sees the copied items.
static void publish_items(WfListObject *l, WfObject **items) { __atomic_store_n(&l->ob_item, items, __ATOMIC_RELEASE); }

// Release: a reader that loads the item (acquire) sees its contents.
static void slot_store(WfObject **slot, WfObject *v) { __atomic_store_n(slot, v, __ATOMIC_RELEASE); }
static void slot_clear(WfObject **slot) { __atomic_store_n(slot, NULL, __ATOMIC_RELAXED); }

// memmove for installed storage: pointer by pointer, so that a concurrent
// reader never sees half of one (memmove may copy bytes).
static void items_move(WfObject **dst, WfObject **src, wf_ssize n) {
    if (dst < src) {
        for (wf_ssize i = 0; i < n; i++) slot_store(&dst[i], src[i]);
    } else if (dst > src) {
        for (wf_ssize i = n; i-- > 0;) slot_store(&dst[i], src[i]);
    }
}

static WfObject **items_alloc(wf_ssize allocated) {
    if (allocated <= 0) return NULL;
    if ((size_t)allocated > (SIZE_MAX - sizeof(WfListArray)) / sizeof(WfObject *)) return NULL;
    WfListArray *a = wf_mem_malloc(sizeof(WfListArray) + (size_t)allocated * sizeof(WfObject *));
    if (!a) return NULL;
    a->allocated = allocated;
    return a->items;
}

// Lock held. Set ob_size to newsize, replacing the storage when capacity must
// change (CPython's growth pattern). Shrinking: the caller has already taken
// the items past newsize out (their slots may still hold stale pointers,
// which are cleared here); it never fails. Growing: new slots are NULL.
static int list_resize(WfListObject *self, wf_ssize newsize) {
    wf_ssize allocated = list_allocated(self);
    wf_ssize oldsize = self->ob_base.ob_size;
    WfObject **cur = items_of(self);
    if (allocated >= newsize && newsize >= (allocated >> 1) && cur != sort_sentinel.items) {
        for (wf_ssize i = newsize; i < oldsize; i++) slot_clear(&cur[i]);
        set_size(self, newsize);
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - oldsize > (wf_ssize)(new_allocated - (size_t)newsize)) new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) new_allocated = 0;
    WfObject **items = NULL;
    if (new_allocated) {
        if (new_allocated > (size_t)INTPTR_MAX / sizeof(WfObject *) || !(items = items_alloc((wf_ssize)new_allocated))) {
            if (newsize <= oldsize && cur != sort_sentinel.items) {
                // Shrinking never fails: keep the larger array.
                for (wf_ssize i = newsize; i < oldsize; i++) slot_clear(&cur[i]);
                set_size(self, newsize);
                return 0;
            }
            wf_err_no_memory();
            return -1;
        }
        wf_ssize keep = oldsize < newsize ? oldsize : newsize;
        if (keep) memcpy(items, cur, (size_t)keep * sizeof(WfObject *));
        memset(items + keep, 0, (new_allocated - (size_t)keep) * sizeof(WfObject *));
    }
    publish_items(self, items);
    set_size(self, newsize);
    items_free(cur);
    return 0;
}

// References to drop once a mutation is complete and its critical section
// has ended (dropping one may run arbitrary code).
typedef struct {
    WfObject **refs;       // refs[0, n), released in reverse order
    wf_ssize n;
    WfObject **array;      // storage to free afterwards (an unpublished items array), or NULL
    WfObject *small[8];
} Garbage;

static void garbage_init(Garbage *g) {
    g->refs = g->small;
    g->n = 0;
    g->array = NULL;
}

// Room for n references (lock held; allocating does not call out).
static int garbage_reserve(Garbage *g, wf_ssize n) {
    if (n <= 8) return 0;
    g->refs = wf_mem_malloc((size_t)n * sizeof(WfObject *));
    if (!g->refs) {
        g->refs = g->small;
        wf_err_no_memory();
        return -1;
    }
    return 0;
}

// Release in reverse order (like CPython's _list_clear), then the buffer
// (unless the references were read in place from the unpublished array),
// then the array.
static void garbage_release(Garbage *g) {
    while (g->n > 0) wf_xdecref(g->refs[--g->n]);
    if (g->refs != g->small && g->refs != g->array) wf_mem_free(g->refs);
    g->refs = g->small;
    items_free(g->array);
    g->array = NULL;
}

// ---------------------------------------------------------------------------
// Construction

static WfObject *list_alloc(WfTypeObject *type) {
    WfObject *o = wf_containers_alloc(type, &wf_list_type, 0);
    if (!o) return NULL;
    LIST(o)->ob_item = NULL;
    LIST(o)->ob_base.ob_size = 0;
    return o;
}

WfObject *wf_list_new(wf_ssize size) {
    if (size < 0) return wf_err_bad_internal_call("wf_list_new");
    WfObject *o = list_alloc(&wf_list_type);
    if (!o) return NULL;
    if (size > 0) {
        WfObject **items = items_alloc(size);
        if (!items) {
            wf_decref(o);
            return wf_err_no_memory();
        }
        memset(items, 0, (size_t)size * sizeof(WfObject *));
        LIST(o)->ob_item = items;
        LIST(o)->ob_base.ob_size = size;
    }
    return o;
}

WfObject *wf_list_from_array(WfObject *const *src, wf_ssize n) {
    WfObject *l = wf_list_new(n);
    if (!l) return NULL;
    for (wf_ssize i = 0; i < n; i++) LIST(l)->ob_item[i] = wf_newref(src[i]);
    return l;
}

WfObject *wf_list_from_iterable(WfObject *iterable) {
    WfObject *l = wf_list_new(0);
    if (!l) return NULL;
    if (wf_list_extend(l, iterable) < 0) {
        wf_decref(l);
        return NULL;
    }
    return l;
}

// Lock held: a new list of items [lo, hi) (clamped to the current size).
static WfObject *slice_lock_held(WfListObject *a, wf_ssize lo, wf_ssize hi) {
    wf_ssize n = a->ob_base.ob_size;
    if (lo < 0) lo = 0;
    else if (lo > n) lo = n;
    if (hi < lo) hi = lo;
    else if (hi > n) hi = n;
    return wf_list_from_array(items_of(a) + lo, hi - lo);
}

WfObject *wf_list_as_tuple(WfObject *l) {
    WfObject *r;
    WF_CONTAINER_BEGIN(l);
    r = wf_tuple_from_array(items_of(LIST(l)), LIST(l)->ob_base.ob_size);
    WF_CONTAINER_END();
    return r;
}

WfObject *wf_list_slice(WfObject *l, wf_ssize lo, wf_ssize hi) {
    WfObject *r;
    WF_CONTAINER_BEGIN(l);
    r = slice_lock_held(LIST(l), lo, hi);
    WF_CONTAINER_END();
    return r;
}

// ---------------------------------------------------------------------------
// Item access

static WfObject *get_item_locked(WfListObject *self, wf_ssize i) {
    WfObject *v = NULL;
    WF_CONTAINER_BEGIN(self);
    if (i >= 0 && i < self->ob_base.ob_size) v = wf_object_newref_with_lock(items_of(self)[i]);
    WF_CONTAINER_END();
    return v;
}

// get_item_ref's general path: try-incref with re-checks, then the lock.
static __attribute__((noinline)) WfObject *get_item_slow(WfListObject *self, wf_ssize i) {
    for (int attempt = 0; attempt < 2; attempt++) {
        if ((size_t)i >= (size_t)size_of(self)) return NULL;
        WfObject **items = items_acquire(self);
        if (!items || i >= array_of(items)->allocated) break;
        // acquire: pairs with slot_store, the item's contents are visible.
        WfObject *v = __atomic_load_n(&items[i], __ATOMIC_ACQUIRE);
        if (!v) break;
        if (!wf_object_try_incref_compare(&items[i], v)) continue;
        // relaxed: after the increment (acquire, or our own thread's order).
        if (__atomic_load_n(&self->ob_item, __ATOMIC_RELAXED) == items) return v;
        wf_decref(v);
    }
    return get_item_locked(self, i);
}

// Item i as a new reference, or NULL (no exception) when i is out of range.
// Lock-free (see the invariants); the lock only when a read raced a writer.
// Inline fast path: tagged ints and immortals need no reference; an object
// this thread owns with a live local count cannot be freed by anyone else
// (CPython's _Py_TryIncrefFast), so neither needs the re-checks, whichever
// array the slot belonged to: the slot held it while the list owned it.
static inline WfObject *get_item_ref(WfListObject *self, wf_ssize i) {
    if ((size_t)i >= (size_t)size_of(self)) return NULL;
    WfObject **items = items_acquire(self);
    if (WF_LIKELY(items != NULL) && i < array_of(items)->allocated) {
        // acquire: pairs with slot_store, the item's contents are visible.
        WfObject *v = __atomic_load_n(&items[i], __ATOMIC_ACQUIRE);
        if (WF_LIKELY(v != NULL) && wf_object_try_incref_fast(v)) return v;
    }
    return get_item_slow(self, i);
}

WfObject *wf_list_get_item(WfObject *l, wf_ssize i) {
    WfObject *v = get_item_ref(LIST(l), i);
    if (!v) wf_err_set_string(&wf_exc_IndexError, "list index out of range");
    return v;
}

int wf_list_set_item_take(WfObject *l, wf_ssize i, WfObject *v) {
    WfListObject *self = LIST(l);
    WfObject *old = NULL;
    bool ok = false;
    WF_CONTAINER_BEGIN(l);
    if (i >= 0 && i < self->ob_base.ob_size) {
        WfObject **slot = &items_of(self)[i];
        old = *slot;
        slot_store(slot, v);
        ok = true;
    }
    WF_CONTAINER_END();
    if (!ok) {
        wf_decref(v);
        wf_err_set_string(&wf_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    wf_xdecref(old);
    return 0;
}

// ---------------------------------------------------------------------------
// Mutations. `_lock_held` functions expect the caller's critical section.

// Append v (stolen). On failure v is still the caller's.
static inline __attribute__((always_inline)) int append_lock_held(WfListObject *self, WfObject *v) {
    wf_ssize n = self->ob_base.ob_size;
    WfObject **items = items_of(self);
    if (items && n < array_of(items)->allocated) {  // the sort sentinel has allocated 0
        slot_store(&items[n], v);
        set_size(self, n + 1);
        return 0;
    }
    if (list_resize(self, n + 1) < 0) return -1;
    slot_store(&items_of(self)[n], v);
    return 0;
}

int wf_list_append_take(WfObject *l, WfObject *v) {
    WfListObject *self = LIST(l);
    if (!wf_containers_need_lock()) {
        // Single-threaded and room left: the whole append is an elided leaf
        // section (nothing inside calls out, so it needs no registration).
        wf_ssize n = self->ob_base.ob_size;
        WfObject **items = self->ob_item;
        if (WF_LIKELY(items != NULL) && n < array_of(items)->allocated) {
            slot_store(&items[n], v);
            set_size(self, n + 1);
            return 0;
        }
    }
    int r;
    WF_CONTAINER_BEGIN(l);
    r = append_lock_held(LIST(l), v);
    WF_CONTAINER_END();
    if (r < 0) wf_decref(v);
    return r;
}

int wf_list_append(WfObject *l, WfObject *v) { return wf_list_append_take(l, wf_newref(v)); }

int wf_list_insert(WfObject *l, wf_ssize where, WfObject *v) {
    WfListObject *self = LIST(l);
    int r;
    WF_CONTAINER_BEGIN(l);
    wf_ssize n = self->ob_base.ob_size;
    r = list_resize(self, n + 1);
    if (r == 0) {
        if (where < 0) {
            where += n;
            if (where < 0) where = 0;
        }
        if (where > n) where = n;
        WfObject **items = items_of(self);
        items_move(items + where + 1, items + where, n - where);
        slot_store(&items[where], wf_newref(v));
    }
    WF_CONTAINER_END();
    return r;
}

// Append n items (increfs them) read from src, which the caller keeps stable
// (a tuple, a list whose lock it holds, or this list itself: then src is
// re-read after the resize moved it).
static int extend_from_array_lock_held(WfListObject *self, WfObject *const *src, wf_ssize n, bool from_self) {
    if (n == 0) return 0;
    wf_ssize m = self->ob_base.ob_size;
    if (list_resize(self, m + n) < 0) return -1;
    if (from_self) src = items_of(self);
    WfObject **dst = items_of(self) + m;
    for (wf_ssize i = 0; i < n; i++) slot_store(&dst[i], wf_newref(src[i]));
    return 0;
}

// extend from a generic iterator, whose next() runs with the lock held (and
// suspended if it blocks; every append re-reads the list's state).
static int extend_iter_lock_held(WfListObject *self, WfObject *it, wf_ssize hint) {
    wf_containers_before_callout();  // next() is Python code
    wf_ssize m = self->ob_base.ob_size;
    if (hint > 0 && m + hint > list_allocated(self) && hint < INTPTR_MAX / 16) {
        // Preallocate (keeps the size), like CPython.
        if (list_resize(self, m + hint) < 0) return -1;
        set_size(self, m);
    }
    for (;;) {
        WfObject *v = wf_iter_next(it);
        if (!v) break;
        if (append_lock_held(self, v) < 0) {
            wf_decref(v);
            return -1;
        }
    }
    if (wf_err_occurred()) return -1;
    // Trim unused preallocation the way CPython's list_resize would.
    wf_ssize size = self->ob_base.ob_size;
    if (size < list_allocated(self)) list_resize(self, size);  // shrinking: cannot fail
    return 0;
}

int wf_list_extend(WfObject *l, WfObject *iterable) {
    WfListObject *self = LIST(l);
    int r;
    if (wf_tuple_check_exact(iterable)) {
        WF_CONTAINER_BEGIN(l);
        r = extend_from_array_lock_held(self, wf_tuple_items(iterable), wf_tuple_size(iterable), false);
        WF_CONTAINER_END();
        return r;
    }
    if (wf_list_check_exact(iterable) || iterable == l) {
        // Both locks: the source's items are read while this list grows.
        WF_CONTAINER_BEGIN2(l, iterable);
        r = extend_from_array_lock_held(self, items_of(LIST(iterable)), LIST(iterable)->ob_base.ob_size, iterable == l);
        WF_CONTAINER_END();
        return r;
    }
    WfObject *it = wf_object_get_iter(iterable);
    if (!it) return -1;
    wf_ssize hint = wf_object_length_hint(iterable, 8);
    if (hint < 0) {
        wf_decref(it);
        return -1;
    }
    WF_CONTAINER_BEGIN(l);
    r = extend_iter_lock_held(self, it, hint);
    WF_CONTAINER_END();
    wf_decref(it);
    return r;
}

int wf_list_reverse(WfObject *l) {
    WF_CONTAINER_BEGIN(l);
    WfListObject *self = LIST(l);
    wf_ssize n = self->ob_base.ob_size;
    if (n >= 2) {
        WfObject **lo = items_of(self), **hi = lo + n - 1;
        while (lo < hi) {
            WfObject *t = *lo;
            slot_store(lo++, *hi);
            slot_store(hi--, t);
        }
    }
    WF_CONTAINER_END();
    return 0;
}

// Lock held: detach all items (the list becomes empty); g releases them and
// the storage after the section.
static void clear_lock_held(WfListObject *self, Garbage *g) {
    WfObject **items = items_of(self);
    if (!items) return;
    g->refs = items;  // read in place: the array is unpublished and freed last
    g->n = self->ob_base.ob_size;
    g->array = items;
    set_size(self, 0);
    publish_items(self, NULL);
}

static void list_clear_items(WfListObject *self) {
    Garbage g;
    garbage_init(&g);
    WF_CONTAINER_BEGIN(self);
    clear_lock_held(self, &g);
    WF_CONTAINER_END();
    garbage_release(&g);
}

// Lock held: a[ilow:ihigh] = vitems[0:n] (n == 0: delete), indices clamped to
// the current size. vitems stay the caller's (increfed here); the removed
// items go to g (a full clear hands g the whole unpublished array).
static int ass_slice_lock_held(WfListObject *a, wf_ssize ilow, wf_ssize ihigh, WfObject *const *vitems, wf_ssize n,
                               Garbage *g) {
    wf_ssize size = a->ob_base.ob_size;
    if (ilow < 0) ilow = 0;
    else if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    wf_ssize norig = ihigh - ilow;
    wf_ssize d = n - norig;
    if (size + d == 0) {
        clear_lock_held(a, g);
        return 0;
    }
    if (garbage_reserve(g, norig) < 0) return -1;
    WfObject **item = items_of(a);
    if (d > 0) {
        if (list_resize(a, size + d) < 0) return -1;
        item = items_of(a);
    }
    if (norig) memcpy(g->refs, item + ilow, (size_t)norig * sizeof(WfObject *));
    g->n = norig;
    if (d < 0) {
        items_move(item + ihigh + d, item + ihigh, size - ihigh);
        list_resize(a, size + d);  // shrinking: cannot fail
        item = items_of(a);
    } else if (d > 0) {
        items_move(item + ihigh + d, item + ihigh, size - ihigh);
    }
    for (wf_ssize k = 0; k < n; k++) slot_store(&item[ilow + k], wf_newref(vitems[k]));
    return 0;
}

// What to assign from: a list or tuple holding v's items (new reference), or
// NULL with an error. `self` itself is snapshotted; another exact list is
// returned as is and read under its own lock by the caller.
static WfObject *assignment_source(WfListObject *self, WfObject *v, const char *not_iterable) {
    if (v == (WfObject *)self) return wf_list_slice(v, 0, INTPTR_MAX);
    if (wf_list_check_exact(v) || wf_tuple_check_exact(v)) return wf_newref(v);
    WfObject *it = wf_object_get_iter(v);
    if (!it) {
        if (wf_err_matches(&wf_exc_TypeError)) wf_err_set_string(&wf_exc_TypeError, not_iterable);
        return NULL;
    }
    WfObject *seq = wf_list_from_iterable(it);
    wf_decref(it);
    return seq;
}

static wf_ssize source_size(WfObject *seq) {
    return wf_tuple_check_exact(seq) ? wf_tuple_size(seq) : LIST(seq)->ob_base.ob_size;
}
static WfObject *const *source_items(WfObject *seq) {
    return wf_tuple_check_exact(seq) ? wf_tuple_items(seq) : items_of(LIST(seq));
}

// a[start:stop] = v (v NULL: delete). adjust: start/stop are raw slice
// values (negative, or huge for None), resolved against the size under the
// lock; else they are plain indices, clamped under the lock.
static int list_ass_slice(WfListObject *a, wf_ssize start, wf_ssize stop, bool adjust, WfObject *v) {
    WfObject *seq = NULL;
    if (v) {
        seq = assignment_source(a, v, "can only assign an iterable");
        if (!seq) return -1;
    }
    Garbage g;
    garbage_init(&g);
    int r;
    // seq's lock too when it is a list another thread may mutate.
    WF_CONTAINER_BEGIN2(a, seq ? seq : (WfObject *)a);
    if (adjust) wf_slice_adjust_indices(a->ob_base.ob_size, &start, &stop, 1);
    r = ass_slice_lock_held(a, start, stop, seq ? source_items(seq) : NULL, seq ? source_size(seq) : 0, &g);
    WF_CONTAINER_END();
    garbage_release(&g);
    wf_xdecref(seq);
    return r;
}

static WfObject *list_repeat_n(WfListObject *a, wf_ssize n) {
    WfObject *r;
    WF_CONTAINER_BEGIN(a);
    wf_ssize size = a->ob_base.ob_size;
    if (n <= 0 || size == 0) {
        r = wf_list_new(0);
    } else if (size > INTPTR_MAX / 8 / n) {
        r = wf_err_no_memory();
    } else {
        r = wf_list_new(size * n);
        if (r) {
            WfObject **dst = LIST(r)->ob_item, **src = items_of(a);
            for (wf_ssize k = 0; k < n; k++)
                for (wf_ssize i = 0; i < size; i++) *dst++ = wf_newref(src[i]);
        }
    }
    WF_CONTAINER_END();
    return r;
}

static int list_inplace_repeat_n(WfListObject *self, wf_ssize n) {
    int r = 0;
    Garbage g;
    garbage_init(&g);
    WF_CONTAINER_BEGIN(self);
    wf_ssize size = self->ob_base.ob_size;
    if (size == 0 || n == 1) {
        // nothing to do
    } else if (n < 1) {
        clear_lock_held(self, &g);
    } else if (size > INTPTR_MAX / 8 / n) {
        wf_err_no_memory();
        r = -1;
    } else if ((r = list_resize(self, size * n)) == 0) {
        WfObject **items = items_of(self);
        for (wf_ssize k = 1; k < n; k++)
            for (wf_ssize i = 0; i < size; i++) slot_store(&items[k * size + i], wf_newref(items[i]));
    }
    WF_CONTAINER_END();
    garbage_release(&g);
    return r;
}

// ---------------------------------------------------------------------------
// Sorting (the algorithm is in list_sort.c)

int wf_list_sort(WfObject *l, WfObject *key, bool reverse) {
    WfListObject *self = LIST(l);
    if (key == wf_None) key = NULL;
    int r = 0;
    Garbage g;  // what mutations during the sort left behind
    garbage_init(&g);
    WfObject **old = NULL;
    WF_CONTAINER_BEGIN(l);
    wf_containers_before_callout();  // key functions and comparisons
    wf_ssize n = self->ob_base.ob_size;
    WfObject **items = items_of(self), **sorted = NULL;
    if (n > 0 && !(sorted = items_alloc(array_of(items)->allocated))) {
        wf_err_no_memory();
        r = -1;
    } else {
        // Sort a private copy: readers holding the published array never see
        // the permutation. The list looks empty meanwhile, so comparisons and
        // key calls that mutate it cannot touch the items being sorted.
        if (n > 0) {
            memcpy(sorted, items, (size_t)n * sizeof(WfObject *));
            memset(sorted + n, 0, (size_t)(array_of(items)->allocated - n) * sizeof(WfObject *));
        }
        old = items;
        set_size(self, 0);
        publish_items(self, sort_sentinel.items);
        r = wf_list_sort_array(sorted, n, key, reverse);
        // Calls out above may have suspended the section: re-read the list.
        WfObject **final = items_of(self);
        if (final != sort_sentinel.items) {
            g.refs = final;
            g.n = self->ob_base.ob_size;
            g.array = final;
            if (r == 0) {
                wf_err_set_string(&wf_exc_ValueError, "list modified during sort");
                r = -1;
            }
        }
        publish_items(self, sorted);
        set_size(self, n);
    }
    WF_CONTAINER_END();
    garbage_release(&g);
    items_free(old);
    return r;
}

// ---------------------------------------------------------------------------
// Slots

static void list_dealloc(WfObject *o) {
    if (!wf_containers_dealloc_enter(o)) return;
    WfListObject *self = LIST(o);
    WfObject **items = self->ob_item;
    wf_ssize n = self->ob_base.ob_size;
    if (items) {
        while (--n >= 0) wf_xdecref(items[n]);
        // At once: no thread can be reading a list nobody references.
        if (items != sort_sentinel.items) wf_mem_free(array_of(items));
    }
    wf_containers_free(o);
    wf_containers_dealloc_leave();
}

static int list_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    WfListObject *self = LIST(o);
    WfObject **items = items_of(self);
    for (wf_ssize i = 0; i < self->ob_base.ob_size; i++) {
        WfObject *v = items[i];
        if (v && !wf_is_smallint(v)) {
            int r = visit(v, arg);
            if (r) return r;
        }
    }
    return 0;
}

static int list_clear_slot(WfObject *o) {
    list_clear_items(LIST(o));
    return 0;
}

static WfObject *list_repr(WfObject *o) {
    WfListObject *self = LIST(o);
    if (size_of(self) == 0) return wf_str_from_cstr("[]");
    int r = wf_containers_repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return wf_str_from_cstr("[...]");
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (wf_str_builder_append_char(&b, '[') < 0) goto fail;
    // The list may change while items' reprs run: each item is read afresh.
    for (wf_ssize i = 0;; i++) {
        WfObject *item = get_item_ref(self, i);
        if (!item) break;
        if (i > 0 && wf_str_builder_append_ascii(&b, ", ") < 0) {
            wf_decref(item);
            goto fail;
        }
        WfObject *s = wf_object_repr(item);
        wf_decref(item);
        if (!s) goto fail;
        int rc = wf_str_builder_append_str(&b, s);
        wf_decref(s);
        if (rc < 0) goto fail;
    }
    if (wf_str_builder_append_char(&b, ']') < 0) goto fail;
    wf_containers_repr_leave(o);
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    wf_containers_repr_leave(o);
    return NULL;
}

static wf_ssize list_len(WfObject *o) { return size_of(LIST(o)); }

static int list_contains(WfObject *o, WfObject *v) {
    WfListObject *self = LIST(o);
    for (wf_ssize i = 0;; i++) {
        WfObject *item = get_item_ref(self, i);
        if (!item) return 0;
        int r = item == v ? 1 : wf_object_richcompare_bool(item, v, WF_EQ);
        wf_decref(item);
        if (r != 0) return r;
    }
}

// Classify a subscript: 1 and *index for an integer, 0 for a slice, -1 on
// error (TypeError "list indices must be integers or slices, not X").
static int subscript_index(WfObject *key, wf_ssize *index) {
    if (wf_is_smallint(key)) {
        *index = wf_smallint_value(key);
        return 1;
    }
    if (wf_index_check(key)) {
        wf_ssize i = wf_number_as_ssize(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return -1;
        *index = i;
        return 1;
    }
    if (wf_slice_check(key)) return 0;
    wf_err_format(&wf_exc_TypeError, "list indices must be integers or slices, not %T", key);
    return -1;
}

static WfObject *list_getitem(WfObject *o, WfObject *key) {
    WfListObject *self = LIST(o);
    wf_ssize i;
    int kind = subscript_index(key, &i);
    if (kind < 0) return NULL;
    if (kind == 1) {
        if (i < 0) i += size_of(self);
        return wf_list_get_item(o, i);
    }
    wf_ssize start, stop, step;
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    WfObject *r;
    WF_CONTAINER_BEGIN(o);
    wf_ssize len = wf_slice_adjust_indices(self->ob_base.ob_size, &start, &stop, step);
    if (len <= 0) {
        r = wf_list_new(0);
    } else if (step == 1) {
        r = slice_lock_held(self, start, stop);
    } else {
        r = wf_list_new(len);
        if (r) {
            WfObject **src = items_of(self);
            for (wf_ssize k = 0, cur = start; k < len; k++, cur += step) LIST(r)->ob_item[k] = wf_newref(src[cur]);
        }
    }
    WF_CONTAINER_END();
    return r;
}

// Lock held: del a[start::step] for the slicelength positions (adjusted).
static int del_extended_lock_held(WfListObject *self, wf_ssize start, wf_ssize step, wf_ssize slicelength,
                                  Garbage *g) {
    if (slicelength <= 0) return 0;
    if (step < 0) {
        start = start + step * (slicelength - 1);
        step = -step;
    }
    if (garbage_reserve(g, slicelength) < 0) return -1;
    // Compact the kept items in place; the removed ones go to g.
    wf_ssize size = self->ob_base.ob_size, j = 0, k = 0;
    WfObject **items = items_of(self);
    for (wf_ssize i = 0; i < size; i++) {
        if (k < slicelength && i == start + k * step) g->refs[k++] = items[i];
        else slot_store(&items[j++], items[i]);
    }
    g->n = k;
    list_resize(self, size - slicelength);  // shrinking: cannot fail
    return 0;
}

// Lock held: a[start::step] = seq's items (n of them), replaced ones to g.
static int ass_extended_lock_held(WfListObject *self, wf_ssize start, wf_ssize step, wf_ssize slicelength,
                                  WfObject *const *src, wf_ssize n, Garbage *g) {
    if (n != slicelength) {
        wf_err_format(&wf_exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd", n,
                      slicelength);
        return -1;
    }
    if (slicelength == 0) return 0;
    if (garbage_reserve(g, slicelength) < 0) return -1;
    WfObject **items = items_of(self);
    for (wf_ssize k = 0, cur = start; k < slicelength; k++, cur += step) {
        g->refs[k] = items[cur];
        slot_store(&items[cur], wf_newref(src[k]));
    }
    g->n = slicelength;
    return 0;
}

static int list_setitem(WfObject *o, WfObject *key, WfObject *value) {
    WfListObject *self = LIST(o);
    wf_ssize i;
    int kind = subscript_index(key, &i);
    if (kind < 0) return -1;
    if (kind == 1) {
        if (!value) {
            // del a[i]: checked and done under one lock.
            Garbage g;
            garbage_init(&g);
            bool ok = false;
            int r = 0;
            WF_CONTAINER_BEGIN(o);
            wf_ssize n = self->ob_base.ob_size;
            if (i < 0) i += n;
            if (i >= 0 && i < n) {
                ok = true;
                r = ass_slice_lock_held(self, i, i + 1, NULL, 0, &g);
            }
            WF_CONTAINER_END();
            garbage_release(&g);
            if (!ok) {
                wf_err_set_string(&wf_exc_IndexError, "list assignment index out of range");
                return -1;
            }
            return r;
        }
        WfObject *old = NULL;
        bool ok = false;
        WF_CONTAINER_BEGIN(o);
        wf_ssize n = self->ob_base.ob_size;
        if (i < 0) i += n;
        if (i >= 0 && i < n) {
            WfObject **slot = &items_of(self)[i];
            old = *slot;
            slot_store(slot, wf_newref(value));
            ok = true;
        }
        WF_CONTAINER_END();
        if (!ok) {
            wf_err_set_string(&wf_exc_IndexError, "list assignment index out of range");
            return -1;
        }
        wf_xdecref(old);
        return 0;
    }
    wf_ssize start, stop, step;
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
    if (step == 1) return list_ass_slice(self, start, stop, true, value);
    WfObject *seq = NULL;
    if (value) {
        seq = assignment_source(self, value, "must assign iterable to extended slice");
        if (!seq) return -1;
    }
    Garbage g;
    garbage_init(&g);
    int r;
    WF_CONTAINER_BEGIN2(o, seq ? seq : o);
    wf_ssize len = wf_slice_adjust_indices(self->ob_base.ob_size, &start, &stop, step);
    if (!seq) r = del_extended_lock_held(self, start, step, len, &g);
    else r = ass_extended_lock_held(self, start, step, len, source_items(seq), source_size(seq), &g);
    WF_CONTAINER_END();
    garbage_release(&g);
    wf_xdecref(seq);
    return r;
}

static WfObject *list_richcompare(WfObject *v, WfObject *w, int op) {
    if (!wf_list_check(v) || !wf_list_check(w)) return wf_newref(wf_NotImplemented);
    WfListObject *vl = LIST(v), *wl = LIST(w);
    if (size_of(vl) != size_of(wl) && (op == WF_EQ || op == WF_NE)) return wf_bool_from(op == WF_NE);
    // Items are read one at a time (lock-free); the lists may change meanwhile.
    wf_ssize i;
    WfObject *vi = NULL, *wi = NULL;
    for (i = 0;; i++) {
        vi = get_item_ref(vl, i);
        wi = vi ? get_item_ref(wl, i) : NULL;
        if (!vi || !wi) break;
        int k = vi == wi ? 1 : wf_object_richcompare_bool(vi, wi, WF_EQ);
        if (k < 0) {
            wf_decref(vi);
            wf_decref(wi);
            return NULL;
        }
        if (!k) break;
        wf_decref(vi);
        wf_decref(wi);
    }
    if (!vi || !wi) {
        wf_xdecref(vi);
        // One list ran out: compare the sizes.
        wf_ssize vs = size_of(vl), ws = size_of(wl);
        bool r;
        switch (op) {
        case WF_LT: r = vs < ws; break;
        case WF_LE: r = vs <= ws; break;
        case WF_EQ: r = vs == ws; break;
        case WF_NE: r = vs != ws; break;
        case WF_GT: r = vs > ws; break;
        default: r = vs >= ws; break;
        }
        return wf_bool_from(r);
    }
    WfObject *r;
    if (op == WF_EQ) r = wf_False;
    else if (op == WF_NE) r = wf_True;
    else r = wf_object_richcompare(vi, wi, op);
    wf_decref(vi);
    wf_decref(wi);
    return r;
}

static WfObject *list_concat(WfObject *a, WfObject *b) {
    if (!wf_list_check(a) || !wf_list_check(b)) return wf_newref(wf_NotImplemented);
    WfObject *r;
    WF_CONTAINER_BEGIN2(a, b);
    wf_ssize na = LIST(a)->ob_base.ob_size, nb = LIST(b)->ob_base.ob_size;
    if (na > INTPTR_MAX / 16 - nb) {
        r = wf_err_no_memory();
    } else if ((r = wf_list_new(na + nb))) {
        WfObject **ia = items_of(LIST(a)), **ib = items_of(LIST(b));
        for (wf_ssize i = 0; i < na; i++) LIST(r)->ob_item[i] = wf_newref(ia[i]);
        for (wf_ssize i = 0; i < nb; i++) LIST(r)->ob_item[na + i] = wf_newref(ib[i]);
    }
    WF_CONTAINER_END();
    return r;
}

// Repetition count for seq * n; -2 (no exception) when n is not an index.
static wf_ssize repeat_count(WfObject *n) {
    if (wf_is_smallint(n)) return wf_smallint_value(n) < 0 ? 0 : wf_smallint_value(n);
    if (!wf_index_check(n)) return -2;
    wf_ssize c = wf_number_as_ssize(n, &wf_exc_OverflowError);
    if (c == -1 && wf_err_occurred()) return -1;
    return c < 0 ? 0 : c;
}

static WfObject *list_multiply(WfObject *a, WfObject *b) {
    WfObject *seq, *n;
    if (wf_list_check(a)) { seq = a; n = b; }
    else if (wf_list_check(b)) { seq = b; n = a; }
    else return wf_newref(wf_NotImplemented);
    wf_ssize c = repeat_count(n);
    if (c == -2) return wf_newref(wf_NotImplemented);
    if (c == -1) return NULL;
    return list_repeat_n(LIST(seq), c);
}

static WfObject *list_inplace_concat(WfObject *a, WfObject *b) {
    if (!wf_list_check(a)) return wf_newref(wf_NotImplemented);
    if (wf_list_extend(a, b) < 0) return NULL;
    return wf_newref(a);
}

static WfObject *list_inplace_multiply(WfObject *a, WfObject *b) {
    if (!wf_list_check(a)) return wf_newref(wf_NotImplemented);
    wf_ssize c = repeat_count(b);
    if (c == -2) return wf_newref(wf_NotImplemented);
    if (c == -1) return NULL;
    if (list_inplace_repeat_n(LIST(a), c) < 0) return NULL;
    return wf_newref(a);
}

static WfNumberMethods list_as_number = {
    .nb_add = list_concat,
    .nb_multiply = list_multiply,
    .nb_inplace_add = list_inplace_concat,
    .nb_inplace_multiply = list_inplace_multiply,
};

// ---------------------------------------------------------------------------
// Methods

static WfObject *list_append_meth(WfObject *self, WfObject *v) {
    if (wf_list_append(self, v) < 0) return NULL;
    return wf_None;
}

static WfObject *list_extend_meth(WfObject *self, WfObject *v) {
    if (wf_list_extend(self, v) < 0) return NULL;
    return wf_None;
}

static int ssize_arg(WfObject *v, wf_ssize *out) {
    if (wf_is_smallint(v)) {
        *out = wf_smallint_value(v);
        return 0;
    }
    // Like CPython's Py_ssize_t converter: __index__, then OverflowError
    // "Python int too large to convert to C ssize_t".
    wf_ssize x = wf_int_as_ssize(v);
    if (x == -1 && wf_err_occurred()) return -1;
    *out = x;
    return 0;
}

static WfObject *list_insert_meth(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("insert", nargs, 2, 2) < 0) return NULL;
    wf_ssize i;
    if (ssize_arg(args[0], &i) < 0) return NULL;
    if (wf_list_insert(self, i, args[1]) < 0) return NULL;
    return wf_None;
}

static WfObject *list_pop_meth(WfObject *o, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("pop", nargs, 0, 1) < 0) return NULL;
    wf_ssize i = -1;
    if (nargs && ssize_arg(args[0], &i) < 0) return NULL;
    WfListObject *self = LIST(o);
    WfObject *v = NULL;
    const char *error = NULL;
    WF_CONTAINER_BEGIN(o);
    wf_ssize n = self->ob_base.ob_size;
    if (i < 0) i += n;
    if (n == 0) {
        error = "pop from empty list";
    } else if (i < 0 || i >= n) {
        error = "pop index out of range";
    } else {
        // The list's reference becomes the caller's.
        WfObject **items = items_of(self);
        v = items[i];
        items_move(items + i, items + i + 1, n - i - 1);
        list_resize(self, n - 1);  // shrinking (clears the vacated slot): cannot fail
    }
    WF_CONTAINER_END();
    if (error) wf_err_set_string(&wf_exc_IndexError, error);
    return v;
}

// Index of the first item equal to v in [start, stop), with a new reference
// to that item in *found; -1 when absent, -2 on error. Lock-free reads; the
// comparisons run without the lock.
static wf_ssize find_item(WfListObject *self, WfObject *v, wf_ssize start, wf_ssize stop, WfObject **found) {
    for (wf_ssize i = start; i < stop; i++) {
        WfObject *item = get_item_ref(self, i);
        if (!item) break;
        int r = item == v ? 1 : wf_object_richcompare_bool(item, v, WF_EQ);
        if (r > 0) {
            *found = item;
            return i;
        }
        wf_decref(item);
        if (r < 0) return -2;
    }
    return -1;
}

static WfObject *list_remove_meth(WfObject *o, WfObject *v) {
    WfListObject *self = LIST(o);
    for (;;) {
        WfObject *item;
        wf_ssize i = find_item(self, v, 0, INTPTR_MAX, &item);
        if (i == -2) return NULL;
        if (i == -1) {
            wf_err_set_string(&wf_exc_ValueError, "list.remove(x): x not in list");
            return NULL;
        }
        // Remove it if it is still where we found it; else search again.
        Garbage g;
        garbage_init(&g);
        bool done = false;
        int r = 0;
        WF_CONTAINER_BEGIN(o);
        if (i < self->ob_base.ob_size && items_of(self)[i] == item) {
            done = true;
            r = ass_slice_lock_held(self, i, i + 1, NULL, 0, &g);
        }
        WF_CONTAINER_END();
        garbage_release(&g);
        wf_decref(item);
        if (done) return r < 0 ? NULL : wf_None;
    }
}

static int slice_index_arg(WfObject *v, wf_ssize *out) {
    if (wf_is_smallint(v)) {
        *out = wf_smallint_value(v);
        return 0;
    }
    if (!wf_index_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    wf_ssize x = wf_number_as_ssize(v, NULL);
    if (x == -1 && wf_err_occurred()) return -1;
    *out = x;
    return 0;
}

static WfObject *list_index_meth(WfObject *o, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("index", nargs, 1, 3) < 0) return NULL;
    WfListObject *self = LIST(o);
    wf_ssize start = 0, stop = INTPTR_MAX;
    if (nargs > 1 && slice_index_arg(args[1], &start) < 0) return NULL;
    if (nargs > 2 && slice_index_arg(args[2], &stop) < 0) return NULL;
    if (start < 0) {
        start += size_of(self);
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += size_of(self);
        if (stop < 0) stop = 0;
    }
    WfObject *item;
    wf_ssize i = find_item(self, args[0], start, stop, &item);
    if (i == -2) return NULL;
    if (i >= 0) {
        wf_decref(item);
        return wf_int_from_ssize(i);
    }
    return wf_err_format(&wf_exc_ValueError, "%R is not in list", args[0]);
}

static WfObject *list_count_meth(WfObject *o, WfObject *v) {
    WfListObject *self = LIST(o);
    wf_ssize c = 0;
    for (wf_ssize i = 0;; i++) {
        WfObject *item = get_item_ref(self, i);
        if (!item) break;
        int r = item == v ? 1 : wf_object_richcompare_bool(item, v, WF_EQ);
        wf_decref(item);
        if (r < 0) return NULL;
        c += r;
    }
    return wf_int_from_ssize(c);
}

static WfObject *list_reverse_meth(WfObject *self, WfObject *unused) {
    wf_list_reverse(self);
    return wf_None;
}

static WfObject *list_copy_meth(WfObject *self, WfObject *unused) { return wf_list_slice(self, 0, INTPTR_MAX); }

static WfObject *list_clear_meth(WfObject *self, WfObject *unused) {
    list_clear_items(LIST(self));
    return wf_None;
}

static WfObject *list_sort_meth(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"sort", "|$OO", {"key", "reverse", NULL}};
    WfObject *key = wf_None, *reverse = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &key, &reverse) < 0) return NULL;
    int rev = 0;
    if (reverse) {
        if (wf_is_smallint(reverse)) {
            rev = wf_smallint_value(reverse) != 0;
        } else {
            long long v = wf_int_as_long_long(reverse);
            if (v == -1 && wf_err_occurred()) return NULL;
            rev = v != 0;
        }
    }
    if (wf_list_sort(self, key, rev) < 0) return NULL;
    return wf_None;
}

static WfObject *list_reversed_meth(WfObject *self, WfObject *unused);

static WfObject *list_sizeof_meth(WfObject *self, WfObject *unused) {
    // acquire: the array's header (unpublished arrays stay readable: QSBR).
    WfObject **items = items_acquire(LIST(self));
    size_t allocated = items ? (size_t)array_of(items)->allocated : 0;
    size_t res = sizeof(WfListObject) + allocated * sizeof(WfObject *);
    return wf_int_from_size_t(res);
}

static const WfMethodDef list_methods[] = {
    WF_METHOD("__reversed__", list_reversed_meth, WF_METH_NOARGS,
              "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the list."),
    WF_METHOD("__sizeof__", list_sizeof_meth, WF_METH_NOARGS,
              "__sizeof__($self, /)\n--\n\nReturn the size of the list in memory, in bytes."),
    WF_METHOD("clear", list_clear_meth, WF_METH_NOARGS, "clear($self, /)\n--\n\nRemove all items from list."),
    WF_METHOD("copy", list_copy_meth, WF_METH_NOARGS, "copy($self, /)\n--\n\nReturn a shallow copy of the list."),
    WF_METHOD("append", list_append_meth, WF_METH_O, "append($self, object, /)\n--\n\nAppend object to the end of the list."),
    WF_METHOD("insert", list_insert_meth, WF_METH_FASTCALL,
              "insert($self, index, object, /)\n--\n\nInsert object before index."),
    WF_METHOD("extend", list_extend_meth, WF_METH_O,
              "extend($self, iterable, /)\n--\n\nExtend list by appending elements from the iterable."),
    WF_METHOD("pop", list_pop_meth, WF_METH_FASTCALL,
              "pop($self, index=-1, /)\n--\n\nRemove and return item at index (default last).\n\n"
              "Raises IndexError if list is empty or index is out of range."),
    WF_METHOD("remove", list_remove_meth, WF_METH_O,
              "remove($self, value, /)\n--\n\nRemove first occurrence of value.\n\n"
              "Raises ValueError if the value is not present."),
    WF_METHOD("index", list_index_meth, WF_METH_FASTCALL,
              "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\n"
              "Raises ValueError if the value is not present."),
    WF_METHOD("count", list_count_meth, WF_METH_O, "count($self, value, /)\n--\n\nReturn number of occurrences of value."),
    WF_METHOD("reverse", list_reverse_meth, WF_METH_NOARGS, "reverse($self, /)\n--\n\nReverse *IN PLACE*."),
    WF_METHOD("sort", list_sort_meth, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "sort($self, /, *, key=None, reverse=False)\n--\n\n"
              "Sort the list in ascending order and return None.\n\n"
              "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
              "order of two equal elements is maintained).\n\n"
              "If a key function is given, apply it once to each list item and sort them,\n"
              "ascending or descending, according to their function values.\n\n"
              "The reverse flag can be set to sort in descending order."),
    WF_CLASS_GETITEM_METHOD,
    WF_METHOD_END,
};

static WfObject *list_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return list_alloc(type);
}

static int list_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (wf_arg_no_kwargs("list", kwnames) < 0) return -1;
    if (wf_arg_check_positional("list", nargs, 0, 1) < 0) return -1;
    if (items_acquire(LIST(self))) list_clear_items(LIST(self));
    if (nargs) return wf_list_extend(self, args[0]);
    return 0;
}

// ---------------------------------------------------------------------------
// Iterators

typedef struct {
    WfObject ob_base;
    _Atomic(wf_ssize) index;  // next position to claim; -1: exhausted (sticky)
    WfObject *seq;            // kept until dealloc (see the invariants)
} ListIter;

static WfObject *list_iter(WfObject *o) {
    ListIter *it = (ListIter *)wf_object_alloc(&wf_list_iter_type);
    if (!it) return NULL;
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    it->seq = wf_newref(o);
    return (WfObject *)it;
}

static void list_iter_dealloc(WfObject *o) {
    wf_xdecref(((ListIter *)o)->seq);
    wf_object_free(o);
}

static int list_iter_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    ListIter *it = (ListIter *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static WfObject *list_iter_next(WfObject *o) {
    ListIter *it = (ListIter *)o;
    WfListObject *l = LIST(it->seq);
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);
    if (!wf_containers_need_lock()) {
        // Single-threaded: a plain update (containers.h, container sections),
        // and nobody else mutates the list.
        if ((size_t)i < (size_t)size_of(l)) {
            atomic_store_explicit(&it->index, i + 1, memory_order_relaxed);
            WfObject *v = l->ob_item[i];
            wf_incref(v);
            return v;
        }
        atomic_store_explicit(&it->index, -1, memory_order_relaxed);  // exhausted for good
        return NULL;
    }
    for (;;) {
        if (i < 0) return NULL;
        if (i >= size_of(l)) {
            // Exhausted for good (even if the list grows later), as in CPython.
            if (atomic_compare_exchange_weak_explicit(&it->index, &i, -1, memory_order_relaxed, memory_order_relaxed))
                return NULL;
            continue;
        }
        // relaxed: the CAS only hands out positions; it orders nothing else
        // (the item is read through the list's own protocol).
        if (atomic_compare_exchange_weak_explicit(&it->index, &i, i + 1, memory_order_relaxed, memory_order_relaxed))
            break;
    }
    WfObject *v = get_item_ref(l, i);
    if (!v) atomic_store_explicit(&it->index, -1, memory_order_relaxed);  // the list shrank meanwhile
    return v;
}

static WfObject *list_iter_length_hint(WfObject *o, WfObject *unused) {
    ListIter *it = (ListIter *)o;
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);
    wf_ssize n = i < 0 ? 0 : size_of(LIST(it->seq)) - i;
    return wf_int_from_ssize(n < 0 ? 0 : n);
}

static WfObject *list_reversed_meth(WfObject *self, WfObject *unused) {
    ListIter *it = (ListIter *)wf_object_alloc(&wf_list_reviter_type);
    if (!it) return NULL;
    atomic_store_explicit(&it->index, size_of(LIST(self)) - 1, memory_order_relaxed);
    it->seq = wf_newref(self);
    return (WfObject *)it;
}

static WfObject *list_reviter_next(WfObject *o) {
    ListIter *it = (ListIter *)o;
    WfListObject *l = LIST(it->seq);
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);
    bool atomic = wf_containers_need_lock();
    for (;;) {
        if (i < 0) return NULL;
        bool past = i >= size_of(l);  // the list shrank below us: exhausted
        if (!atomic) {
            atomic_store_explicit(&it->index, past ? -1 : i - 1, memory_order_relaxed);
            if (past) return NULL;
            break;
        }
        if (atomic_compare_exchange_weak_explicit(&it->index, &i, past ? -1 : i - 1, memory_order_relaxed,
                                                  memory_order_relaxed)) {
            if (past) return NULL;
            break;
        }
    }
    WfObject *v = get_item_ref(l, i);
    if (!v) atomic_store_explicit(&it->index, -1, memory_order_relaxed);
    return v;
}

static WfObject *list_reviter_length_hint(WfObject *o, WfObject *unused) {
    ListIter *it = (ListIter *)o;
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);
    wf_ssize n = i >= 0 && i < size_of(LIST(it->seq)) ? i + 1 : 0;
    return wf_int_from_ssize(n);
}

static WfObject *self_iter(WfObject *o) { return wf_newref(o); }

static const WfMethodDef list_iter_methods[] = {
    WF_METHOD("__length_hint__", list_iter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

static const WfMethodDef list_reviter_methods[] = {
    WF_METHOD("__length_hint__", list_reviter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_list_iter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = list_iter_dealloc,
    .tp_traverse = list_iter_traverse,
    .tp_iter = self_iter,
    .tp_iternext = list_iter_next,
    .tp_methods = list_iter_methods,
};

WfTypeObject wf_list_reviter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = list_iter_dealloc,
    .tp_traverse = list_iter_traverse,
    .tp_iter = self_iter,
    .tp_iternext = list_reviter_next,
    .tp_methods = list_reviter_methods,
};

WfTypeObject wf_list_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "list",
    .tp_basicsize = sizeof(WfListObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_SEQUENCE | WF_TPFLAGS_LIST_SUBCLASS |
                WF_TPFLAGS_HAVE_GC,
    .tp_doc = "list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_init = list_init,
    .tp_new = list_new,
    .tp_traverse = list_traverse,
    .tp_clear = list_clear_slot,
    .tp_as_number = &list_as_number,
    .tp_len = list_len,
    .tp_getitem = list_getitem,
    .tp_setitem = list_setitem,
    .tp_contains = list_contains,
    .tp_methods = list_methods,
};
