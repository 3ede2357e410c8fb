// list.c — list: a mutable array of references, and its forward and reverse
// iterators.
//
// Invariants:
// - ob_item is NULL (no storage) or the `items` of a WfListArray with
//   allocated >= ob_size; items [0, ob_size) are non-NULL owned references,
//   items past ob_size are NULL or stale (never read).
// - Storage is never resized in place: a capacity change allocates a new
//   WfListArray, copies, publishes it (release store) and frees the old one
//   with free_storage(), which becomes a QSBR-deferred free with threading.
//   Moving items inside the current array (insert/delete) is allowed.
// - Every mutation is one function that does not release the list midway:
//   decrefs of removed items (which may run arbitrary code) happen after the
//   list is back in a consistent state.
// - While list.sort runs, ob_item is the static `sort_sentinel` array
//   (allocated 0, size 0): any mutation replaces it, which is how sort detects
//   "list modified during sort". The sentinel is never freed.
#include "objects/list.h"

#include "objects/arg.h"
#include "objects/containers.h"
#include "objects/genericalias.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

#define LIST(o) ((WfListObject *)(o))

static WfListArray sort_sentinel = { .allocated = 0 };

// The deferred-free seam: one line to switch to wf_qsbr_free.
static void free_storage(void *p) { wf_mem_free(p); }

static WfListArray *array_of(WfObject **items) {
    return (WfListArray *)((char *)items - offsetof(WfListArray, items));
}

static void items_free(WfObject **items) {
    if (items && items != sort_sentinel.items) free_storage(array_of(items));
}

static wf_ssize list_allocated(WfListObject *l) { return l->ob_item ? array_of(l->ob_item)->allocated : 0; }

// Release store: a lock-free reader that acquires ob_item sees the copied items.
static void publish_items(WfListObject *l, WfObject **items) { __atomic_store_n(&l->ob_item, items, __ATOMIC_RELEASE); }

static WfObject **items_alloc(wf_ssize allocated) {
    if (allocated <= 0) return NULL;
    if ((size_t)allocated > (SIZE_MAX - sizeof(WfListArray)) / sizeof(WfObject *)) return NULL;
    WfListArray *a = wf_mem_malloc(sizeof(WfListArray) + (size_t)allocated * sizeof(WfObject *));
    if (!a) return NULL;
    a->allocated = allocated;
    return a->items;
}

// Set ob_size to newsize, replacing the storage when capacity must change
// (CPython's growth pattern). Items past newsize must already be released by
// the caller when shrinking; new slots are NULL when growing.
static int list_resize(WfListObject *self, wf_ssize newsize) {
    wf_ssize allocated = list_allocated(self);
    wf_ssize oldsize = self->ob_base.ob_size;
    if (allocated >= newsize && newsize >= (allocated >> 1) && self->ob_item != sort_sentinel.items) {
        if (newsize > oldsize) memset(self->ob_item + oldsize, 0, (size_t)(newsize - oldsize) * sizeof(WfObject *));
        self->ob_base.ob_size = newsize;
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - oldsize > (wf_ssize)(new_allocated - (size_t)newsize)) new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) new_allocated = 0;
    if (new_allocated > (size_t)INTPTR_MAX / sizeof(WfObject *)) {
        wf_err_no_memory();
        return -1;
    }
    WfObject **items = NULL;
    if (new_allocated) {
        items = items_alloc((wf_ssize)new_allocated);
        if (!items) {
            wf_err_no_memory();
            return -1;
        }
        wf_ssize keep = oldsize < newsize ? oldsize : newsize;
        if (keep) memcpy(items, self->ob_item, (size_t)keep * sizeof(WfObject *));
        memset(items + keep, 0, (new_allocated - (size_t)keep) * sizeof(WfObject *));
    }
    WfObject **old = self->ob_item;
    publish_items(self, items);
    self->ob_base.ob_size = newsize;
    items_free(old);
    return 0;
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

WfObject *wf_list_as_tuple(WfObject *l) {
    return wf_tuple_from_array(LIST(l)->ob_item, LIST(l)->ob_base.ob_size);
}

WfObject *wf_list_slice(WfObject *l, wf_ssize lo, wf_ssize hi) {
    wf_ssize n = wf_list_size(l);
    if (lo < 0) lo = 0;
    else if (lo > n) lo = n;
    if (hi < lo) hi = lo;
    else if (hi > n) hi = n;
    return wf_list_from_array(LIST(l)->ob_item + lo, hi - lo);
}

// ---------------------------------------------------------------------------
// Item access and basic mutation

WfObject *wf_list_get_item(WfObject *l, wf_ssize i) {
    WfListObject *self = LIST(l);
    if (i < 0 || i >= self->ob_base.ob_size) {
        wf_err_set_string(&wf_exc_IndexError, "list index out of range");
        return NULL;
    }
    return wf_newref(self->ob_item[i]);
}

int wf_list_set_item_take(WfObject *l, wf_ssize i, WfObject *v) {
    WfListObject *self = LIST(l);
    if (i < 0 || i >= self->ob_base.ob_size) {
        wf_decref(v);
        wf_err_set_string(&wf_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    WfObject *old = self->ob_item[i];
    self->ob_item[i] = v;
    wf_xdecref(old);
    return 0;
}

int wf_list_append_take(WfObject *l, WfObject *v) {
    WfListObject *self = LIST(l);
    wf_ssize n = self->ob_base.ob_size;
    if (n < list_allocated(self) && self->ob_item != sort_sentinel.items) {
        self->ob_item[n] = v;
        self->ob_base.ob_size = n + 1;
        return 0;
    }
    if (list_resize(self, n + 1) < 0) {
        wf_decref(v);
        return -1;
    }
    self->ob_item[n] = v;
    return 0;
}

int wf_list_append(WfObject *l, WfObject *v) { return wf_list_append_take(l, wf_newref(v)); }

int wf_list_insert(WfObject *l, wf_ssize where, WfObject *v) {
    WfListObject *self = LIST(l);
    wf_ssize n = self->ob_base.ob_size;
    if (list_resize(self, n + 1) < 0) return -1;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    WfObject **items = self->ob_item;
    memmove(items + where + 1, items + where, (size_t)(n - where) * sizeof(WfObject *));
    items[where] = wf_newref(v);
    return 0;
}

int wf_list_extend(WfObject *l, WfObject *iterable) {
    WfListObject *self = LIST(l);
    if (wf_list_check_exact(iterable) || wf_tuple_check_exact(iterable) || iterable == l) {
        bool is_tuple = wf_tuple_check_exact(iterable);
        wf_ssize n = is_tuple ? wf_tuple_size(iterable) : wf_list_size(iterable);
        if (n == 0) return 0;
        wf_ssize m = self->ob_base.ob_size;
        if (list_resize(self, m + n) < 0) return -1;
        // Read the source after the resize: for l.extend(l) it moved.
        WfObject **src = is_tuple ? wf_tuple_items(iterable) : LIST(iterable)->ob_item;
        WfObject **dst = self->ob_item + m;
        for (wf_ssize i = 0; i < n; i++) dst[i] = wf_newref(src[i]);
        return 0;
    }
    WfObject *it = wf_object_get_iter(iterable);
    if (!it) return -1;
    wf_ssize hint = wf_object_length_hint(iterable, 8);
    if (hint < 0) {
        wf_decref(it);
        return -1;
    }
    wf_ssize m = self->ob_base.ob_size;
    if (hint > 0 && m + hint > list_allocated(self) && hint < INTPTR_MAX / 16) {
        // Preallocate (keeps size), like CPython.
        if (list_resize(self, m + hint) < 0) {
            wf_decref(it);
            return -1;
        }
        self->ob_base.ob_size = m;
    }
    for (;;) {
        WfObject *v = wf_iter_next(it);
        if (!v) break;
        if (wf_list_append_take(l, v) < 0) {
            wf_decref(it);
            return -1;
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) return -1;
    // Trim unused preallocation the way CPython's list_resize would.
    if (self->ob_base.ob_size < list_allocated(self) && list_resize(self, self->ob_base.ob_size) < 0) return -1;
    return 0;
}

int wf_list_reverse(WfObject *l) {
    WfListObject *self = LIST(l);
    wf_ssize n = self->ob_base.ob_size;
    WfObject **lo = self->ob_item, **hi = self->ob_item + n - 1;
    if (n < 2) return 0;
    while (lo < hi) {
        WfObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
    return 0;
}

// Detach all items (list becomes empty) and release them afterwards.
static void list_clear_items(WfListObject *self) {
    WfObject **items = self->ob_item;
    wf_ssize n = self->ob_base.ob_size;
    if (!items) return;
    self->ob_base.ob_size = 0;
    publish_items(self, NULL);
    // Release in reverse order, like CPython's _list_clear.
    while (--n >= 0) wf_xdecref(items[n]);
    items_free(items);
}

// a[ilow:ihigh] = v (v NULL: delete). v may be any iterable.
static int list_ass_slice(WfListObject *a, wf_ssize ilow, wf_ssize ihigh, WfObject *v) {
    WfObject *seq = NULL;
    WfObject **vitems = NULL;
    wf_ssize n = 0;
    if (v) {
        if (v == (WfObject *)a) {
            seq = wf_list_slice(v, 0, wf_list_size(v));
        } else if (wf_list_check_exact(v) || wf_tuple_check_exact(v)) {
            seq = wf_newref(v);
        } else {
            WfObject *it = wf_object_get_iter(v);
            if (!it) {
                if (wf_err_matches(&wf_exc_TypeError))
                    wf_err_set_string(&wf_exc_TypeError, "can only assign an iterable");
                return -1;
            }
            seq = wf_list_from_iterable(it);
            wf_decref(it);
        }
        if (!seq) return -1;
        if (wf_tuple_check_exact(seq)) {
            n = wf_tuple_size(seq);
            vitems = wf_tuple_items(seq);
        } else {
            n = wf_list_size(seq);
            vitems = LIST(seq)->ob_item;
        }
    }
    wf_ssize size = a->ob_base.ob_size;
    if (ilow < 0) ilow = 0;
    else if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    wf_ssize norig = ihigh - ilow;
    wf_ssize d = n - norig;
    if (size + d == 0) {
        wf_xdecref(seq);
        list_clear_items(a);
        return 0;
    }
    // Keep the removed items until the list is consistent again.
    WfObject *small[8];
    WfObject **recycle = small;
    if (norig > 8) {
        recycle = wf_mem_malloc((size_t)norig * sizeof(WfObject *));
        if (!recycle) {
            wf_xdecref(seq);
            wf_err_no_memory();
            return -1;
        }
    }
    if (norig) memcpy(recycle, a->ob_item + ilow, (size_t)norig * sizeof(WfObject *));
    if (d < 0) {
        WfObject **item = a->ob_item;
        memmove(item + ihigh + d, item + ihigh, (size_t)(size - ihigh) * sizeof(WfObject *));
        if (list_resize(a, size + d) < 0) {
            memmove(item + ihigh, item + ihigh + d, (size_t)(size - ihigh) * sizeof(WfObject *));
            memcpy(item + ilow, recycle, (size_t)norig * sizeof(WfObject *));
            goto error;
        }
    } else if (d > 0) {
        if (list_resize(a, size + d) < 0) goto error;
        WfObject **item = a->ob_item;
        memmove(item + ihigh + d, item + ihigh, (size_t)(size - ihigh) * sizeof(WfObject *));
    }
    for (wf_ssize k = 0; k < n; k++) a->ob_item[ilow + k] = wf_newref(vitems[k]);
    for (wf_ssize k = norig - 1; k >= 0; k--) wf_xdecref(recycle[k]);
    if (recycle != small) wf_mem_free(recycle);
    wf_xdecref(seq);
    return 0;
error:
    if (recycle != small) wf_mem_free(recycle);
    wf_xdecref(seq);
    return -1;
}

static WfObject *list_repeat_n(WfListObject *a, wf_ssize n) {
    wf_ssize size = a->ob_base.ob_size;
    if (n <= 0 || size == 0) return wf_list_new(0);
    if (size > INTPTR_MAX / 8 / n) return wf_err_no_memory();
    WfObject *r = wf_list_new(size * n);
    if (!r) return NULL;
    WfObject **dst = LIST(r)->ob_item;
    for (wf_ssize k = 0; k < n; k++)
        for (wf_ssize i = 0; i < size; i++) *dst++ = wf_newref(a->ob_item[i]);
    return r;
}

static int list_inplace_repeat_n(WfListObject *self, wf_ssize n) {
    wf_ssize size = self->ob_base.ob_size;
    if (size == 0 || n == 1) return 0;
    if (n < 1) {
        list_clear_items(self);
        return 0;
    }
    if (size > INTPTR_MAX / 8 / n) {
        wf_err_no_memory();
        return -1;
    }
    if (list_resize(self, size * n) < 0) return -1;
    WfObject **items = self->ob_item;
    for (wf_ssize k = 1; k < n; k++)
        for (wf_ssize i = 0; i < size; i++) items[k * size + i] = wf_newref(items[i]);
    return 0;
}

// ---------------------------------------------------------------------------
// Sorting (the algorithm is in list_sort.c)

int wf_list_sort(WfObject *l, WfObject *key, bool reverse) {
    WfListObject *self = LIST(l);
    if (key == wf_None) key = NULL;
    wf_ssize n = self->ob_base.ob_size;
    WfObject **items = self->ob_item;
    // The list looks empty while sorting so that comparisons and key calls
    // that mutate it cannot touch the array being sorted.
    self->ob_base.ob_size = 0;
    publish_items(self, sort_sentinel.items);
    int r = wf_list_sort_array(items, n, key, reverse);
    WfObject **final = self->ob_item;
    wf_ssize final_n = self->ob_base.ob_size;
    self->ob_base.ob_size = n;
    publish_items(self, items);
    if (final != sort_sentinel.items) {
        if (final) {
            while (--final_n >= 0) wf_xdecref(final[final_n]);
            items_free(final);
        }
        if (r == 0) {
            wf_err_set_string(&wf_exc_ValueError, "list modified during sort");
            r = -1;
        }
    }
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
        items_free(items);
    }
    wf_containers_free(o);
    wf_containers_dealloc_leave();
}

static int list_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    WfListObject *self = LIST(o);
    for (wf_ssize i = 0; i < self->ob_base.ob_size; i++) {
        WfObject *v = self->ob_item[i];
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
    if (self->ob_base.ob_size == 0) return wf_str_from_cstr("[]");
    int r = wf_containers_repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return wf_str_from_cstr("[...]");
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (wf_str_builder_append_char(&b, '[') < 0) goto fail;
    // The list may change while items' reprs run: re-check the size each time.
    for (wf_ssize i = 0; i < self->ob_base.ob_size; i++) {
        if (i > 0 && wf_str_builder_append_ascii(&b, ", ") < 0) goto fail;
        WfObject *item = wf_newref(self->ob_item[i]);
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

static wf_ssize list_len(WfObject *o) { return LIST(o)->ob_base.ob_size; }

static int list_contains(WfObject *o, WfObject *v) {
    WfListObject *self = LIST(o);
    for (wf_ssize i = 0; i < self->ob_base.ob_size; i++) {
        WfObject *item = wf_newref(self->ob_item[i]);
        int r = wf_object_richcompare_bool(item, v, WF_EQ);
        wf_decref(item);
        if (r != 0) return r;
    }
    return 0;
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
        if (i < 0) i += self->ob_base.ob_size;
        return wf_list_get_item(o, i);
    }
    wf_ssize start, stop, step;
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    wf_ssize len = wf_slice_adjust_indices(self->ob_base.ob_size, &start, &stop, step);
    if (len <= 0) return wf_list_new(0);
    if (step == 1) return wf_list_slice(o, start, stop);
    WfObject *r = wf_list_new(len);
    if (!r) return NULL;
    for (wf_ssize k = 0, cur = start; k < len; k++, cur += step) LIST(r)->ob_item[k] = wf_newref(self->ob_item[cur]);
    return r;
}

static int list_ass_extended_slice(WfListObject *self, wf_ssize start, wf_ssize step, wf_ssize slicelength,
                                   WfObject *value) {
    if (!value) {
        // Delete: compact the kept items in place, then release the removed ones.
        if (slicelength <= 0) return 0;
        if (step < 0) {
            start = start + step * (slicelength - 1);
            step = -step;
        }
        WfObject **garbage = wf_mem_malloc((size_t)slicelength * sizeof(WfObject *));
        if (!garbage) {
            wf_err_no_memory();
            return -1;
        }
        wf_ssize size = self->ob_base.ob_size, j = 0, g = 0;
        WfObject **items = self->ob_item;
        for (wf_ssize i = 0; i < size; i++) {
            if (g < slicelength && i == start + g * step) garbage[g++] = items[i];
            else items[j++] = items[i];
        }
        int r = list_resize(self, size - slicelength);
        for (wf_ssize k = 0; k < slicelength; k++) wf_decref(garbage[k]);
        wf_mem_free(garbage);
        return r;
    }
    WfObject *seq;
    if (value == (WfObject *)self) {
        seq = wf_list_slice(value, 0, wf_list_size(value));
    } else if (wf_list_check_exact(value) || wf_tuple_check_exact(value)) {
        seq = wf_newref(value);
    } else {
        WfObject *it = wf_object_get_iter(value);
        if (!it) {
            if (wf_err_matches(&wf_exc_TypeError))
                wf_err_set_string(&wf_exc_TypeError, "must assign iterable to extended slice");
            return -1;
        }
        seq = wf_list_from_iterable(it);
        wf_decref(it);
    }
    if (!seq) return -1;
    wf_ssize n = wf_tuple_check_exact(seq) ? wf_tuple_size(seq) : wf_list_size(seq);
    WfObject **src = wf_tuple_check_exact(seq) ? wf_tuple_items(seq) : LIST(seq)->ob_item;
    if (n != slicelength) {
        wf_decref(seq);
        wf_err_format(&wf_exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd", n,
                      slicelength);
        return -1;
    }
    if (slicelength == 0) {
        wf_decref(seq);
        return 0;
    }
    WfObject **garbage = wf_mem_malloc((size_t)slicelength * sizeof(WfObject *));
    if (!garbage) {
        wf_decref(seq);
        wf_err_no_memory();
        return -1;
    }
    for (wf_ssize k = 0, cur = start; k < slicelength; k++, cur += step) {
        garbage[k] = self->ob_item[cur];
        self->ob_item[cur] = wf_newref(src[k]);
    }
    for (wf_ssize k = 0; k < slicelength; k++) wf_decref(garbage[k]);
    wf_mem_free(garbage);
    wf_decref(seq);
    return 0;
}

static int list_setitem(WfObject *o, WfObject *key, WfObject *value) {
    WfListObject *self = LIST(o);
    wf_ssize i;
    int kind = subscript_index(key, &i);
    if (kind < 0) return -1;
    if (kind == 1) {
        if (i < 0) i += self->ob_base.ob_size;
        if (i < 0 || i >= self->ob_base.ob_size) {
            wf_err_set_string(&wf_exc_IndexError, "list assignment index out of range");
            return -1;
        }
        if (!value) return list_ass_slice(self, i, i + 1, NULL);
        WfObject *old = self->ob_item[i];
        self->ob_item[i] = wf_newref(value);
        wf_decref(old);
        return 0;
    }
    wf_ssize start, stop, step;
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
    wf_ssize len = wf_slice_adjust_indices(self->ob_base.ob_size, &start, &stop, step);
    if (step == 1) return list_ass_slice(self, start, stop, value);
    // Make sure s[5:2] = [..] inserts at the right place: before 5, not before 2.
    if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
    return list_ass_extended_slice(self, start, step, len, value);
}

static WfObject *list_richcompare(WfObject *v, WfObject *w, int op) {
    if (!wf_list_check(v) || !wf_list_check(w)) return wf_newref(wf_NotImplemented);
    WfListObject *vl = LIST(v), *wl = LIST(w);
    if (vl->ob_base.ob_size != wl->ob_base.ob_size && (op == WF_EQ || op == WF_NE))
        return wf_bool_from(op == WF_NE);
    wf_ssize i;
    for (i = 0; i < vl->ob_base.ob_size && i < wl->ob_base.ob_size; i++) {
        WfObject *vi = vl->ob_item[i], *wi = wl->ob_item[i];
        if (vi == wi) continue;
        wf_incref(vi);
        wf_incref(wi);
        int k = wf_object_richcompare_bool(vi, wi, WF_EQ);
        wf_decref(vi);
        wf_decref(wi);
        if (k < 0) return NULL;
        if (!k) break;
    }
    wf_ssize vs = vl->ob_base.ob_size, ws = wl->ob_base.ob_size;
    if (i >= vs || i >= ws) {
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
    if (op == WF_EQ) return wf_False;
    if (op == WF_NE) return wf_True;
    WfObject *vi = wf_newref(vl->ob_item[i]), *wi = wf_newref(wl->ob_item[i]);
    WfObject *r = wf_object_richcompare(vi, wi, op);
    wf_decref(vi);
    wf_decref(wi);
    return r;
}

static WfObject *list_concat(WfObject *a, WfObject *b) {
    if (!wf_list_check(a) || !wf_list_check(b)) return wf_newref(wf_NotImplemented);
    wf_ssize na = wf_list_size(a), nb = wf_list_size(b);
    if (na > INTPTR_MAX / 16 - nb) return wf_err_no_memory();
    WfObject *r = wf_list_new(na + nb);
    if (!r) return NULL;
    for (wf_ssize i = 0; i < na; i++) LIST(r)->ob_item[i] = wf_newref(LIST(a)->ob_item[i]);
    for (wf_ssize i = 0; i < nb; i++) LIST(r)->ob_item[na + i] = wf_newref(LIST(b)->ob_item[i]);
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
    wf_ssize n = self->ob_base.ob_size;
    if (n == 0) {
        wf_err_set_string(&wf_exc_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        wf_err_set_string(&wf_exc_IndexError, "pop index out of range");
        return NULL;
    }
    WfObject *v = self->ob_item[i];
    if (i == n - 1) {
        if (list_resize(self, n - 1) < 0) return NULL;
        return v;
    }
    wf_incref(v);
    if (list_ass_slice(self, i, i + 1, NULL) < 0) {
        wf_decref(v);
        return NULL;
    }
    return v;
}

static WfObject *list_remove_meth(WfObject *o, WfObject *v) {
    WfListObject *self = LIST(o);
    for (wf_ssize i = 0; i < self->ob_base.ob_size; i++) {
        WfObject *item = wf_newref(self->ob_item[i]);
        int r = wf_object_richcompare_bool(item, v, WF_EQ);
        wf_decref(item);
        if (r < 0) return NULL;
        if (r > 0) {
            if (list_ass_slice(self, i, i + 1, NULL) < 0) return NULL;
            return wf_None;
        }
    }
    wf_err_set_string(&wf_exc_ValueError, "list.remove(x): x not in list");
    return NULL;
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
        start += self->ob_base.ob_size;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += self->ob_base.ob_size;
        if (stop < 0) stop = 0;
    }
    for (wf_ssize i = start; i < stop && i < self->ob_base.ob_size; i++) {
        WfObject *item = wf_newref(self->ob_item[i]);
        int r = wf_object_richcompare_bool(item, args[0], WF_EQ);
        wf_decref(item);
        if (r < 0) return NULL;
        if (r > 0) return wf_int_from_ssize(i);
    }
    return wf_err_format(&wf_exc_ValueError, "%R is not in list", args[0]);
}

static WfObject *list_count_meth(WfObject *o, WfObject *v) {
    WfListObject *self = LIST(o);
    wf_ssize c = 0;
    for (wf_ssize i = 0; i < self->ob_base.ob_size; i++) {
        WfObject *item = self->ob_item[i];
        if (item == v) {
            c++;
            continue;
        }
        wf_incref(item);
        int r = wf_object_richcompare_bool(item, v, WF_EQ);
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

static WfObject *list_copy_meth(WfObject *self, WfObject *unused) { return wf_list_slice(self, 0, wf_list_size(self)); }

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
    size_t res = sizeof(WfListObject) + (size_t)list_allocated(LIST(self)) * sizeof(WfObject *);
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
    if (LIST(self)->ob_item) list_clear_items(LIST(self));
    if (nargs) return wf_list_extend(self, args[0]);
    return 0;
}

// ---------------------------------------------------------------------------
// Iterators

typedef struct {
    WfObject ob_base;
    wf_ssize index;
    WfObject *seq;  // NULL when exhausted
} ListIter;

static WfObject *list_iter(WfObject *o) {
    ListIter *it = (ListIter *)wf_object_alloc(&wf_list_iter_type);
    if (!it) return NULL;
    it->index = 0;
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
    WfObject *seq = it->seq;
    if (!seq) return NULL;
    WfListObject *l = LIST(seq);
    if (it->index >= 0 && it->index < l->ob_base.ob_size) return wf_newref(l->ob_item[it->index++]);
    it->seq = NULL;
    wf_decref(seq);
    return NULL;
}

static WfObject *list_iter_length_hint(WfObject *o, WfObject *unused) {
    ListIter *it = (ListIter *)o;
    wf_ssize n = it->seq ? wf_list_size(it->seq) - it->index : 0;
    return wf_int_from_ssize(n < 0 ? 0 : n);
}

static WfObject *list_reversed_meth(WfObject *self, WfObject *unused) {
    ListIter *it = (ListIter *)wf_object_alloc(&wf_list_reviter_type);
    if (!it) return NULL;
    it->index = wf_list_size(self) - 1;
    it->seq = wf_newref(self);
    return (WfObject *)it;
}

static WfObject *list_reviter_next(WfObject *o) {
    ListIter *it = (ListIter *)o;
    WfObject *seq = it->seq;
    if (!seq) return NULL;
    WfListObject *l = LIST(seq);
    if (it->index >= 0 && it->index < l->ob_base.ob_size) return wf_newref(l->ob_item[it->index--]);
    it->index = -1;
    it->seq = NULL;
    wf_decref(seq);
    return NULL;
}

static WfObject *list_reviter_length_hint(WfObject *o, WfObject *unused) {
    ListIter *it = (ListIter *)o;
    wf_ssize n = it->seq && it->index < wf_list_size(it->seq) ? it->index + 1 : 0;
    return wf_int_from_ssize(n < 0 ? 0 : n);
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
