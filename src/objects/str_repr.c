// str_repr.c — repr(str): CPython's quote choice and escapes (\\ \' \t \n \r,
// \xhh for other controls, \x/\u/\U for non-printable non-ASCII), with
// "printable" taken from CPython's own Unicode database (str_unicode_db.c).
//
// Invariant: the output is computed in two passes over the immutable input:
// the first sizes it and finds its largest code point, the second writes.
#include "objects/str_internal.h"
#include "objects/str_unicode.h"
#include "runtime/error.h"

bool wf_str_char_is_printable(uint32_t cp) {
    if (cp < 128) return cp >= 0x20 && cp < 0x7f;
    return wf_unicode_has(cp, WF_UC_PRINTABLE);
}

static const char hexdigits[] = "0123456789abcdef";

WfObject *wf_str_repr(WfObject *s) {
    wf_ssize len = wf_str_length(s);
    int kind = wf_str_kind(s);
    const void *d = wf_str_data(s);
    wf_ssize squotes = 0, dquotes = 0, outlen = 2;
    uint32_t maxchar = 0x7f;
    for (wf_ssize i = 0; i < len; i++) {
        uint32_t ch = wf_str_read(kind, d, i);
        wf_ssize incr = 1;
        switch (ch) {
        case '\'': squotes++; break;
        case '"': dquotes++; break;
        case '\\': case '\t': case '\r': case '\n': incr = 2; break;
        default:
            if (ch < ' ' || ch == 0x7f) incr = 4;
            else if (ch < 0x7f) incr = 1;
            else if (wf_str_char_is_printable(ch)) {
                if (ch > maxchar) maxchar = ch;
            } else if (ch < 0x100) incr = 4;
            else if (ch < 0x10000) incr = 6;
            else incr = 10;
        }
        if (outlen > PTRDIFF_MAX / 4 - incr) {
            wf_err_set_string(&wf_exc_OverflowError, "string is too long to generate repr");
            return NULL;
        }
        outlen += incr;
    }
    uint32_t quote = '\'';
    if (squotes) {
        if (dquotes) outlen += squotes;  // both kinds: escape the single quotes
        else quote = '"';
    }
    WfObject *r = wf_str_new_raw(outlen, maxchar);
    if (!r) return NULL;
    int ok = wf_str_kind(r);
    void *o = wf_str_data(r);
    if (outlen == len + 2 && wf_str_obj(s)->ascii) {
        // Nothing to escape (and no character equals the quote): the text as it is.
        ((uint8_t *)o)[0] = (uint8_t)quote;
        memcpy((uint8_t *)o + 1, d, (size_t)len);
        ((uint8_t *)o)[len + 1] = (uint8_t)quote;
        return r;
    }
    wf_ssize j = 0;
#define PUT(c) wf_str_write(ok, o, j++, (c))
    PUT(quote);
    for (wf_ssize i = 0; i < len; i++) {
        uint32_t ch = wf_str_read(kind, d, i);
        if (ch == quote || ch == '\\') {
            PUT('\\');
            PUT(ch);
        } else if (ch == '\t') {
            PUT('\\');
            PUT('t');
        } else if (ch == '\n') {
            PUT('\\');
            PUT('n');
        } else if (ch == '\r') {
            PUT('\\');
            PUT('r');
        } else if (ch < ' ' || ch == 0x7f) {
            PUT('\\');
            PUT('x');
            PUT(hexdigits[(ch >> 4) & 0xf]);
            PUT(hexdigits[ch & 0xf]);
        } else if (ch < 0x7f || wf_str_char_is_printable(ch)) {
            PUT(ch);
        } else if (ch < 0x100) {
            PUT('\\');
            PUT('x');
            PUT(hexdigits[(ch >> 4) & 0xf]);
            PUT(hexdigits[ch & 0xf]);
        } else if (ch < 0x10000) {
            PUT('\\');
            PUT('u');
            for (int sh = 12; sh >= 0; sh -= 4) PUT(hexdigits[(ch >> sh) & 0xf]);
        } else {
            PUT('\\');
            PUT('U');
            for (int sh = 28; sh >= 0; sh -= 4) PUT(hexdigits[(ch >> sh) & 0xf]);
        }
    }
    PUT(quote);
#undef PUT
    return r;
}
