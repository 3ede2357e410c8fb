// str_builder.c — WfStrBuilder: an append-only str under construction. The
// code points live in a wf_mem_malloc'd block laid out like an exact str
// (room for the header, then the code units), in the narrowest kind that
// holds everything appended so far; finish() shrinks the block and fills in
// the header, so the block becomes the result without a copy.
// Invariant: block is NULL iff cap == 0; it has room for the wide (non-ASCII)
// header and cap + 1 code units of `kind` bytes; the len code points written
// start right after the header of maxchar's layout (ASCII or not: str.h);
// maxchar is >= every code point written and has the kind and asciiness of
// their exact maximum (so finish() picks the narrowest kind, as str.h
// requires), and kind == wf_str_kind_for(maxchar).
#include "objects/str_internal.h"
#include "runtime/error.h"

#define WIDE_HEADER ((wf_ssize)sizeof(WfStrWideObject))
// Largest capacity any kind can address (the str size limit of str_alloc).
#define MAX_CAP ((PTRDIFF_MAX - WIDE_HEADER - 16) / 4 - 1)

void wf_str_builder_init(WfStrBuilder *b) {
    b->block = NULL;
    b->len = 0;
    b->cap = 0;
    b->maxchar = 0;
    b->kind = 1;
}

WF_INLINE size_t data_offset(uint32_t maxchar) { return wf_str_header_size(maxchar < 128); }
WF_INLINE char *builder_data(WfStrBuilder *b) { return b->block + data_offset(b->maxchar); }

// The class of a maximum: what decides the result's layout (ASCII, then kind).
WF_INLINE int char_class(uint32_t m) { return m < 128 ? 0 : m < 256 ? 1 : m < 65536 ? 2 : 4; }

// Makes room for `need` code points in the kind of `maxchar` (>= b->maxchar),
// converting the text already written (and moving it after the header of
// the new layout) when the kind widens. Sets b->maxchar.
static int grow(WfStrBuilder *b, wf_ssize need, uint32_t maxchar) {
    if (need > MAX_CAP) {
        wf_err_no_memory();
        return -1;
    }
    int kind = wf_str_kind_for(maxchar);
    wf_ssize cap = need;
    if (b->cap) {
        wf_ssize grown = b->cap + (b->cap >> 1) + 8;  // amortized growth
        if (cap < grown) cap = grown > MAX_CAP ? MAX_CAP : grown;
    } else if (cap < 16) {
        cap = 16;
    }
    size_t size = (size_t)WIDE_HEADER + (size_t)(cap + 1) * (size_t)kind;
    char *nb;
    if (kind == b->kind) {
        nb = wf_mem_realloc(b->block, size);
        if (!nb) {
            wf_err_no_memory();
            return -1;
        }
        if (b->len && data_offset(maxchar) != data_offset(b->maxchar))  // ASCII text becomes Latin-1
            memmove(nb + data_offset(maxchar), nb + data_offset(b->maxchar), (size_t)(b->len * kind));
    } else {
        nb = wf_mem_malloc(size);
        if (!nb) {
            wf_err_no_memory();
            return -1;
        }
        if (b->len) wf_str_copy_convert(kind, nb + data_offset(maxchar), b->kind, builder_data(b), b->len);
        wf_mem_free(b->block);
        b->kind = kind;
    }
    b->block = nb;
    b->cap = cap;
    b->maxchar = maxchar;
    return 0;
}

int wf_str_builder_reserve(WfStrBuilder *b, wf_ssize extra) {
    if (extra < 0 || b->len > MAX_CAP - extra) {
        wf_err_no_memory();
        return -1;
    }
    if (b->len + extra <= b->cap) return 0;
    return grow(b, b->len + extra, b->maxchar);
}

// Room for n more code points whose maximum is at most mx (mx of the exact
// maximum's class); returns where to write them (b->kind wide), or NULL.
static char *prepare(WfStrBuilder *b, wf_ssize n, uint32_t mx) {
    if (n > MAX_CAP - b->len) {
        wf_err_no_memory();
        return NULL;
    }
    if (mx > b->maxchar) {
        if (wf_str_kind_for(mx) > b->kind || b->len + n > b->cap) {
            if (grow(b, b->len + n > b->cap ? b->len + n : b->cap, mx) < 0) return NULL;
        } else {
            if (b->maxchar < 128 && mx >= 128 && b->len)  // ASCII text becomes Latin-1: the header grows
                memmove(b->block + data_offset(mx), builder_data(b), (size_t)(b->len * b->kind));
            b->maxchar = mx;
        }
    }
    if (b->len + n > b->cap && grow(b, b->len + n, b->maxchar) < 0) return NULL;
    return builder_data(b) + b->len * b->kind;
}

int wf_str_builder_append_char_slow(WfStrBuilder *b, uint32_t cp) {
    char *d = prepare(b, 1, cp);
    if (!d) return -1;
    wf_str_write(b->kind, d, 0, cp);
    b->len++;
    return 0;
}

int wf_str_builder_append_repeat(WfStrBuilder *b, uint32_t cp, wf_ssize n) {
    if (n <= 0) return 0;
    char *d = prepare(b, n, cp);
    if (!d) return -1;
    if (b->kind == 1) memset(d, (int)cp, (size_t)n);
    else for (wf_ssize i = 0; i < n; i++) wf_str_write(b->kind, d, i, cp);
    b->len += n;
    return 0;
}

// Appends len code points of kind-wide data whose maximum is at most `bound`
// (any value of the data's kind); scans for the exact class only when it
// could raise the builder's.
static int append_bounded(WfStrBuilder *b, int kind, const void *data, wf_ssize len, uint32_t bound) {
    if (len <= 0) return 0;
    uint32_t mx = bound;
    if (char_class(bound) > char_class(b->maxchar)) mx = wf_str_max_char(kind, data, len);
    char *d = prepare(b, len, mx);
    if (!d) return -1;
    wf_str_copy_convert(b->kind, d, kind, data, len);
    b->len += len;
    return 0;
}

int wf_str_builder_append_kind_data(WfStrBuilder *b, int kind, const void *data, wf_ssize len) {
    return append_bounded(b, kind, data, len, kind == 1 ? 0xff : kind == 2 ? 0xffff : 0x10ffff);
}

int wf_str_builder_append_ascii_n(WfStrBuilder *b, const char *s, wf_ssize len) {
    if (len <= 0) return 0;
    char *d = prepare(b, len, 0);
    if (!d) return -1;
    wf_str_copy_convert(b->kind, d, 1, s, len);
    b->len += len;
    return 0;
}

int wf_str_builder_append_substring(WfStrBuilder *b, WfObject *s, wf_ssize start, wf_ssize end) {
    if (end <= start) return 0;
    int kind = wf_str_kind(s);
    return append_bounded(b, kind, (const char *)wf_str_data(s) + start * kind, end - start,
                          wf_str_max_char_bound(s));
}

int wf_str_builder_append_str(WfStrBuilder *b, WfObject *s) {
    wf_ssize len = wf_str_length(s);
    if (len == 0) return 0;
    // A whole str's bound already has its exact maximum's class: no scan.
    char *d = prepare(b, len, wf_str_max_char_bound(s));
    if (!d) return -1;
    wf_str_copy_convert(b->kind, d, wf_str_kind(s), wf_str_data(s), len);
    b->len += len;
    return 0;
}

int wf_str_builder_append_ascii(WfStrBuilder *b, const char *s) {
    return wf_str_builder_append_kind_data(b, 1, s, (wf_ssize)strlen(s));
}

int wf_str_builder_append_utf8(WfStrBuilder *b, const char *s, wf_ssize len) {
    WfObject *tmp = wf_str_from_utf8(s, len);
    if (!tmp) return -1;
    int r = wf_str_builder_append_str(b, tmp);
    wf_decref(tmp);
    return r;
}

WfObject *wf_str_builder_finish(WfStrBuilder *b) {
    WfObject *r;
    if (b->len == 0) {
        r = wf_str_empty();
    } else if (b->len == 1 && b->maxchar < 256) {
        r = wf_str_from_char(wf_str_read(b->kind, builder_data(b), 0));
    } else {
        size_t need = wf_str_block_size(b->len, b->kind, b->maxchar < 128), have = WIDE_HEADER + (size_t)(b->cap + 1) * b->kind;
        if (need < have / 2) {
            // Give back a large slack (mimalloc keeps a block that shrinks by
            // less than half anyway, so smaller shrinks are not worth a call).
            char *nb = wf_mem_realloc(b->block, need);
            if (nb) b->block = nb;
        }
        r = (WfObject *)b->block;
        wf_object_init_header(r, &wf_str_type);
        wf_str_init_fields(r, b->len, b->maxchar);
        wf_str_builder_init(b);  // the block is the result now
        return r;
    }
    wf_str_builder_discard(b);
    return r;
}

void wf_str_builder_discard(WfStrBuilder *b) {
    wf_mem_free(b->block);
    wf_str_builder_init(b);
}
