// str_builder.c — WfStrBuilder: an append-only UCS-4 scratch buffer that
// tracks the largest code point so finish() can build a str of the narrowest
// kind in one copy.
// Invariant: buf holds len code points (cap allocated, wf_mem_malloc'd or
// NULL when cap == 0); maxchar >= every code point in buf[0..len).
#include "objects/str_internal.h"
#include "runtime/error.h"

void wf_str_builder_init(WfStrBuilder *b) {
    b->buf = NULL;
    b->len = 0;
    b->cap = 0;
    b->maxchar = 0;
}

int wf_str_builder_reserve(WfStrBuilder *b, wf_ssize extra) {
    if (extra < 0 || b->len > PTRDIFF_MAX / 4 - extra) {
        wf_err_no_memory();
        return -1;
    }
    wf_ssize need = b->len + extra;
    if (need <= b->cap) return 0;
    wf_ssize cap = b->cap < 16 ? 16 : b->cap;
    while (cap < need) cap = cap + cap / 2 + 8;
    uint32_t *nb = wf_mem_realloc(b->buf, (size_t)cap * sizeof(uint32_t));
    if (!nb) {
        wf_err_no_memory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

int wf_str_builder_append_char(WfStrBuilder *b, uint32_t cp) {
    if (b->len == b->cap && wf_str_builder_reserve(b, 1) < 0) return -1;
    b->buf[b->len++] = cp;
    if (cp > b->maxchar) b->maxchar = cp;
    return 0;
}

int wf_str_builder_append_repeat(WfStrBuilder *b, uint32_t cp, wf_ssize n) {
    if (n <= 0) return 0;
    if (wf_str_builder_reserve(b, n) < 0) return -1;
    for (wf_ssize i = 0; i < n; i++) b->buf[b->len++] = cp;
    if (cp > b->maxchar) b->maxchar = cp;
    return 0;
}

int wf_str_builder_append_kind_data(WfStrBuilder *b, int kind, const void *data, wf_ssize len) {
    if (len <= 0) return 0;
    if (wf_str_builder_reserve(b, len) < 0) return -1;
    uint32_t *out = b->buf + b->len;
    uint32_t mx = b->maxchar;
    if (kind == 1) {
        const uint8_t *p = data;
        for (wf_ssize i = 0; i < len; i++) { out[i] = p[i]; if (p[i] > mx) mx = p[i]; }
    } else if (kind == 2) {
        const uint16_t *p = data;
        for (wf_ssize i = 0; i < len; i++) { out[i] = p[i]; if (p[i] > mx) mx = p[i]; }
    } else {
        const uint32_t *p = data;
        for (wf_ssize i = 0; i < len; i++) { out[i] = p[i]; if (p[i] > mx) mx = p[i]; }
    }
    b->maxchar = mx;
    b->len += len;
    return 0;
}

int wf_str_builder_append_substring(WfStrBuilder *b, WfObject *s, wf_ssize start, wf_ssize end) {
    if (end <= start) return 0;
    int kind = wf_str_kind(s);
    return wf_str_builder_append_kind_data(b, kind, (const char *)wf_str_data(s) + start * kind, end - start);
}

int wf_str_builder_append_str(WfStrBuilder *b, WfObject *s) {
    return wf_str_builder_append_substring(b, s, 0, wf_str_length(s));
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
    if (b->len == 0) r = wf_str_empty();
    else if (b->len == 1 && b->maxchar < 256) r = wf_str_from_char(b->buf[0]);
    else r = wf_str_from_ucs4_maxchar(b->buf, b->len, b->maxchar);  // maxchar is exact
    wf_str_builder_discard(b);
    return r;
}

void wf_str_builder_discard(WfStrBuilder *b) {
    wf_mem_free(b->buf);
    wf_str_builder_init(b);
}
