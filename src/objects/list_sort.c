// list_sort.c — the list sort: CPython's timsort (natural runs extended to
// minrun by binary insertion, galloping merges, powersort merge policy), so
// that the sequence of `<` comparisons, and therefore the result for
// inconsistent orderings (NaNs, odd __lt__), matches CPython 3.11.
//
// Invariants: the algorithm only permutes the array it is given (keys and,
// with a key function, the parallel values array) — even when a comparison
// fails, nothing is lost or duplicated. Only `<` is used; the key function is
// called exactly once per item, in order, before any comparison. The array is
// private to the caller (wf_list_sort sorts a copy that no other thread can
// see until it is published), so plain loads, stores and memcpy are fine here.
#include "objects/list.h"

#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/error.h"

typedef struct {
    WfObject **keys;
    WfObject **values;  // NULL when keys are the values
} SortSlice;

#define MAX_MERGE_PENDING (sizeof(size_t) * 8)
#define MIN_GALLOP 7
#define TEMP_SIZE 256

typedef struct {
    SortSlice base;
    wf_ssize len;
    int power;
} Run;

typedef struct {
    wf_ssize min_gallop;
    wf_ssize listlen;
    WfObject **basekeys;
    SortSlice a;          // merge temp storage (may point at temparray)
    wf_ssize alloced;
    int n;
    Run pending[MAX_MERGE_PENDING];
    WfObject *temparray[TEMP_SIZE];
    // Comparison strategy chosen by the pre-sort check.
    int mode;             // 0 generic, 1 all tagged small ints, 2 same type richcompare,
                          // 3 all exact str, 4 all exact float
    WfRichCmpFunc key_richcompare;
} MergeState;

// -1 error, 1 if x < y, 0 otherwise.
static int islt(MergeState *ms, WfObject *x, WfObject *y) {
    if (ms->mode == 1) return wf_smallint_value(x) < wf_smallint_value(y);
    // Exact str and float compare like their tp_richcompare (CPython's
    // unsafe_latin_compare / unsafe_float_compare); the types of list items
    // cannot change during the sort (str and float instances have no __class__
    // assignment), so checking once is enough.
    if (ms->mode == 3) return wf_str_compare(x, y) < 0;
    if (ms->mode == 4) return wf_float_value(x) < wf_float_value(y);
    if (ms->mode == 2 && wf_type_of(x)->tp_richcompare == ms->key_richcompare) {
        if (wf_is_smallint(x) && wf_is_smallint(y)) return wf_smallint_value(x) < wf_smallint_value(y);
        WfObject *r = ms->key_richcompare(x, y, WF_LT);
        if (!r) return -1;
        if (r == wf_NotImplemented) {
            wf_decref(r);
            return wf_object_richcompare_bool(x, y, WF_LT);
        }
        int res;
        if (r == wf_True) res = 1;
        else if (r == wf_False) res = 0;
        else res = wf_object_is_true(r);
        wf_decref(r);
        return res;
    }
    return wf_object_richcompare_bool(x, y, WF_LT);
}

#define ISLT(X, Y) islt(ms, (X), (Y))
#define IFLT(X, Y) if ((k = ISLT(X, Y)) < 0) goto fail; if (k)

static void reverse_slice(WfObject **lo, WfObject **hi) {
    --hi;
    while (lo < hi) {
        WfObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

static void slice_copy(SortSlice *s1, wf_ssize i, SortSlice *s2, wf_ssize j) {
    s1->keys[i] = s2->keys[j];
    if (s1->values) s1->values[i] = s2->values[j];
}

static void slice_copy_incr(SortSlice *dst, SortSlice *src) {
    *dst->keys++ = *src->keys++;
    if (dst->values) *dst->values++ = *src->values++;
}

static void slice_copy_decr(SortSlice *dst, SortSlice *src) {
    *dst->keys-- = *src->keys--;
    if (dst->values) *dst->values-- = *src->values--;
}

static void slice_memcpy(SortSlice *s1, wf_ssize i, SortSlice *s2, wf_ssize j, wf_ssize n) {
    memcpy(&s1->keys[i], &s2->keys[j], sizeof(WfObject *) * (size_t)n);
    if (s1->values) memcpy(&s1->values[i], &s2->values[j], sizeof(WfObject *) * (size_t)n);
}

static void slice_memmove(SortSlice *s1, wf_ssize i, SortSlice *s2, wf_ssize j, wf_ssize n) {
    memmove(&s1->keys[i], &s2->keys[j], sizeof(WfObject *) * (size_t)n);
    if (s1->values) memmove(&s1->values[i], &s2->values[j], sizeof(WfObject *) * (size_t)n);
}

static void slice_advance(SortSlice *s, wf_ssize n) {
    s->keys += n;
    if (s->values) s->values += n;
}

// Binary insertion sort of [lo, hi), where [lo, start) is already sorted.
static int binarysort(MergeState *ms, SortSlice lo, WfObject **hi, WfObject **start) {
    int k;
    WfObject **l, **p, **r;
    WfObject *pivot;
    if (lo.keys == start) ++start;
    for (; start < hi; ++start) {
        l = lo.keys;
        r = start;
        pivot = *r;
        do {
            p = l + ((r - l) >> 1);
            IFLT(pivot, *p) r = p;
            else l = p + 1;
        } while (l < r);
        for (p = start; p > l; --p) *p = *(p - 1);
        *l = pivot;
        if (lo.values) {
            wf_ssize offset = lo.values - lo.keys;
            p = start + offset;
            pivot = *p;
            l += offset;
            for (p = start + offset; p > l; --p) *p = *(p - 1);
            *l = pivot;
        }
    }
    return 0;
fail:
    return -1;
}

// Length of the run starting at lo: non-descending, or strictly descending
// (*descending = 1). -1 on error.
static wf_ssize count_run(MergeState *ms, WfObject **lo, WfObject **hi, int *descending) {
    int k;
    wf_ssize n;
    *descending = 0;
    ++lo;
    if (lo == hi) return 1;
    n = 2;
    IFLT(*lo, *(lo - 1)) {
        *descending = 1;
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1));
            else break;
        }
    }
    else {
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1)) break;
        }
    }
    return n;
fail:
    return -1;
}

// Position k in a[0..n) such that a[k-1] < key <= a[k]; search starts at hint.
static wf_ssize gallop_left(MergeState *ms, WfObject *key, WfObject **a, wf_ssize n, wf_ssize hint) {
    wf_ssize ofs, lastofs, k;
    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(*a, key) {
        const wf_ssize maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            else break;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    else {
        const wf_ssize maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(*(a - ofs), key) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        wf_ssize m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key) lastofs = m + 1;
        else ofs = m;
    }
    return ofs;
fail:
    return -1;
}

// Position k in a[0..n) such that a[k-1] <= key < a[k].
static wf_ssize gallop_right(MergeState *ms, WfObject *key, WfObject **a, wf_ssize n, wf_ssize hint) {
    wf_ssize ofs, lastofs, k;
    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(key, *a) {
        const wf_ssize maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, *(a - ofs)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            else break;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    else {
        const wf_ssize maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[ofs]) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        wf_ssize m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m]) ofs = m;
        else lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

static void merge_init(MergeState *ms, wf_ssize list_size, bool has_keyfunc, SortSlice *lo) {
    if (has_keyfunc) {
        ms->alloced = (list_size + 1) / 2;
        if (TEMP_SIZE / 2 < ms->alloced) ms->alloced = TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    } else {
        ms->alloced = TEMP_SIZE;
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = lo->keys;
}

static void merge_freemem(MergeState *ms) {
    if (ms->a.keys != ms->temparray) {
        wf_mem_free(ms->a.keys);
        ms->a.keys = NULL;
    }
}

static int merge_getmem(MergeState *ms, wf_ssize need) {
    if (need <= ms->alloced) return 0;
    int multiplier = ms->a.values ? 2 : 1;
    merge_freemem(ms);
    if ((size_t)need > (size_t)INTPTR_MAX / sizeof(WfObject *) / (size_t)multiplier) {
        wf_err_no_memory();
        return -1;
    }
    ms->a.keys = wf_mem_malloc((size_t)multiplier * (size_t)need * sizeof(WfObject *));
    if (ms->a.keys) {
        ms->alloced = need;
        if (ms->a.values) ms->a.values = &ms->a.keys[need];
        return 0;
    }
    wf_err_no_memory();
    return -1;
}

// Merge ssa[0..na) with ssb[0..nb) (adjacent), na <= nb.
static wf_ssize merge_lo(MergeState *ms, SortSlice ssa, wf_ssize na, SortSlice ssb, wf_ssize nb) {
    wf_ssize k;
    SortSlice dest;
    int result = -1;
    wf_ssize min_gallop;
    if (merge_getmem(ms, na) < 0) return -1;
    slice_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;
    slice_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0) goto succeed;
    if (na == 1) goto copy_b;
    min_gallop = ms->min_gallop;
    for (;;) {
        wf_ssize acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0) goto fail;
                slice_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0) goto succeed;
                if (bcount >= min_gallop) break;
            } else {
                slice_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1) goto copy_b;
                if (acount >= min_gallop) break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0) goto fail;
                slice_memcpy(&dest, 0, &ssa, 0, k);
                slice_advance(&dest, k);
                slice_advance(&ssa, k);
                na -= k;
                if (na == 1) goto copy_b;
                if (na == 0) goto succeed;
            }
            slice_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0) goto succeed;
            k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0) goto fail;
                slice_memmove(&dest, 0, &ssb, 0, k);
                slice_advance(&dest, k);
                slice_advance(&ssb, k);
                nb -= k;
                if (nb == 0) goto succeed;
            }
            slice_copy_incr(&dest, &ssa);
            --na;
            if (na == 1) goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na) slice_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    slice_memmove(&dest, 0, &ssb, 0, nb);
    slice_copy(&dest, nb, &ssa, 0);
    return 0;
}

// Merge ssa[0..na) with ssb[0..nb) (adjacent), na >= nb.
static wf_ssize merge_hi(MergeState *ms, SortSlice ssa, wf_ssize na, SortSlice ssb, wf_ssize nb) {
    wf_ssize k;
    SortSlice dest, basea, baseb;
    int result = -1;
    wf_ssize min_gallop;
    if (merge_getmem(ms, nb) < 0) return -1;
    dest = ssb;
    slice_advance(&dest, nb - 1);
    slice_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values) ssb.values = ms->a.values + nb - 1;
    slice_advance(&ssa, na - 1);
    slice_copy_decr(&dest, &ssa);
    --na;
    if (na == 0) goto succeed;
    if (nb == 1) goto copy_a;
    min_gallop = ms->min_gallop;
    for (;;) {
        wf_ssize acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0) goto fail;
                slice_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0) goto succeed;
                if (acount >= min_gallop) break;
            } else {
                slice_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1) goto copy_a;
                if (bcount >= min_gallop) break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0) goto fail;
            k = na - k;
            acount = k;
            if (k) {
                slice_advance(&dest, -k);
                slice_advance(&ssa, -k);
                slice_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0) goto succeed;
            }
            slice_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1) goto copy_a;
            k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0) goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                slice_advance(&dest, -k);
                slice_advance(&ssb, -k);
                slice_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1) goto copy_a;
                if (nb == 0) goto succeed;
            }
            slice_copy_decr(&dest, &ssa);
            --na;
            if (na == 0) goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb) slice_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    slice_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    slice_advance(&dest, -na);
    slice_advance(&ssa, -na);
    slice_copy(&dest, 0, &ssb, 0);
    return 0;
}

// Merge the runs at stack indices i and i+1.
static wf_ssize merge_at(MergeState *ms, wf_ssize i) {
    SortSlice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    wf_ssize na = ms->pending[i].len, nb = ms->pending[i + 1].len;
    ms->pending[i].len = na + nb;
    if (i == ms->n - 3) ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;
    wf_ssize k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0) return -1;
    slice_advance(&ssa, k);
    na -= k;
    if (na == 0) return 0;
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0) return nb;
    if (na <= nb) return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

// Powersort: the "power" of the run boundary between [s1, s1+n1) and the next
// run of length n2, in a list of length n.
static int powerloop(wf_ssize s1, wf_ssize n1, wf_ssize n2, wf_ssize n) {
    int result = 0;
    wf_ssize a = 2 * s1 + n1;
    wf_ssize b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int found_new_run(MergeState *ms, wf_ssize n2) {
    if (ms->n) {
        Run *p = ms->pending;
        wf_ssize s1 = p[ms->n - 1].base.keys - ms->basekeys;
        wf_ssize n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0) return -1;
        }
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(MergeState *ms) {
    Run *p = ms->pending;
    while (ms->n > 1) {
        wf_ssize n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
        if (merge_at(ms, n) < 0) return -1;
    }
    return 0;
}

static wf_ssize merge_compute_minrun(wf_ssize n) {
    wf_ssize r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static void reverse_sortslice(SortSlice *s, wf_ssize n) {
    reverse_slice(s->keys, &s->keys[n]);
    if (s->values) reverse_slice(s->values, &s->values[n]);
}

int wf_list_sort_array(WfObject **items, wf_ssize n, WfObject *keyfunc, bool reverse) {
    MergeState ms;
    SortSlice lo;
    WfObject **keys = NULL;
    int result = -1;
    if (keyfunc == wf_None) keyfunc = NULL;
    if (n == 0) return 0;

    if (!keyfunc) {
        lo.keys = items;
        lo.values = NULL;
    } else {
        if (n < TEMP_SIZE / 2) {
            keys = &ms.temparray[n + 1];
        } else {
            keys = wf_mem_malloc(sizeof(WfObject *) * (size_t)n);
            if (!keys) {
                wf_err_no_memory();
                return -1;
            }
        }
        for (wf_ssize i = 0; i < n; i++) {
            keys[i] = wf_object_call_one(keyfunc, items[i]);
            if (!keys[i]) {
                for (i = i - 1; i >= 0; i--) wf_decref(keys[i]);
                if (n >= TEMP_SIZE / 2) wf_mem_free(keys);
                return -1;
            }
        }
        lo.keys = keys;
        lo.values = items;
    }

    // Pre-sort check: pick the comparison from the keys' types.
    ms.mode = 0;
    ms.key_richcompare = NULL;
    if (n > 1) {
        bool all_small = true, same_type = true;
        WfTypeObject *t = wf_type_of(lo.keys[0]);
        for (wf_ssize i = 0; i < n; i++) {
            WfObject *k = lo.keys[i];
            if (!wf_is_smallint(k)) all_small = false;
            if (wf_type_of(k) != t) {
                same_type = false;
                break;
            }
        }
        if (same_type && all_small) {
            ms.mode = 1;
        } else if (same_type && t == &wf_str_type) {
            ms.mode = 3;
        } else if (same_type && t == &wf_float_type) {
            ms.mode = 4;
        } else if (same_type && t->tp_richcompare) {
            ms.mode = 2;
            ms.key_richcompare = t->tp_richcompare;
        }
    }

    merge_init(&ms, n, keys != NULL, &lo);
    wf_ssize nremaining = n;
    if (reverse) {
        if (keys) reverse_slice(&keys[0], &keys[n]);
        reverse_slice(&items[0], &items[n]);
    }
    if (nremaining < 2) goto succeed;

    wf_ssize minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        wf_ssize r = count_run(&ms, lo.keys, lo.keys + nremaining, &descending);
        if (r < 0) goto fail;
        if (descending) reverse_sortslice(&lo, r);
        if (r < minrun) {
            const wf_ssize force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(&ms, lo, lo.keys + force, lo.keys + r) < 0) goto fail;
            r = force;
        }
        if (found_new_run(&ms, r) < 0) goto fail;
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = r;
        ++ms.n;
        slice_advance(&lo, r);
        nremaining -= r;
    } while (nremaining);

    if (merge_force_collapse(&ms) < 0) goto fail;

succeed:
    result = 0;
fail:
    if (keys) {
        for (wf_ssize i = 0; i < n; i++) wf_decref(keys[i]);
        if (n >= TEMP_SIZE / 2) wf_mem_free(keys);
    }
    if (reverse && n > 1) reverse_slice(items, items + n);
    merge_freemem(&ms);
    return result;
}
