// codecs.c — the built-in text codecs: UTF-8 (and utf-8-sig), ASCII, Latin-1, UTF-16 and
// UTF-32 (with -le/-be variants), with CPython's error handlers (strict,
// ignore, replace, surrogateescape, surrogatepass, backslashreplace,
// xmlcharrefreplace) and its UnicodeDecodeError/UnicodeEncodeError ranges
// and reasons, plus encoding-name normalisation and aliases.
//
// Invariant: decoders never read past `len`; on error they hand the exact
// range [start, end) CPython reports to the handler, which either raises or
// resumes at a position > start, so every loop makes progress.
#include <stdio.h>

#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Names

enum { CODEC_UNKNOWN, CODEC_UTF8, CODEC_UTF8_SIG, CODEC_ASCII, CODEC_LATIN1, CODEC_UTF16, CODEC_UTF16LE, CODEC_UTF16BE,
       CODEC_UTF32, CODEC_UTF32LE, CODEC_UTF32BE };

static const struct {
    const char *name;
    int codec;
} codec_names[] = {
    {"utf_8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"u8", CODEC_UTF8}, {"utf", CODEC_UTF8},
    {"utf8_ucs2", CODEC_UTF8}, {"utf8_ucs4", CODEC_UTF8}, {"cp65001", CODEC_UTF8},
    {"utf_8_sig", CODEC_UTF8_SIG}, {"utf8_sig", CODEC_UTF8_SIG},
    {"ascii", CODEC_ASCII}, {"646", CODEC_ASCII}, {"ansi_x3.4_1968", CODEC_ASCII},
    {"ansi_x3_4_1968", CODEC_ASCII}, {"ansi_x3.4_1986", CODEC_ASCII}, {"cp367", CODEC_ASCII},
    {"csascii", CODEC_ASCII}, {"ibm367", CODEC_ASCII}, {"iso646_us", CODEC_ASCII},
    {"iso_646.irv_1991", CODEC_ASCII}, {"iso_ir_6", CODEC_ASCII}, {"us", CODEC_ASCII},
    {"us_ascii", CODEC_ASCII},
    {"latin_1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"latin", CODEC_LATIN1}, {"l1", CODEC_LATIN1},
    {"8859", CODEC_LATIN1}, {"cp819", CODEC_LATIN1}, {"csisolatin1", CODEC_LATIN1}, {"ibm819", CODEC_LATIN1},
    {"iso8859", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1}, {"iso_8859_1", CODEC_LATIN1},
    {"iso_8859_1_1987", CODEC_LATIN1}, {"iso_ir_100", CODEC_LATIN1},
    {"utf_16", CODEC_UTF16}, {"utf16", CODEC_UTF16}, {"u16", CODEC_UTF16},
    {"utf_16_le", CODEC_UTF16LE}, {"utf_16le", CODEC_UTF16LE}, {"unicodelittleunmarked", CODEC_UTF16LE},
    {"utf_16_be", CODEC_UTF16BE}, {"utf_16be", CODEC_UTF16BE}, {"unicodebigunmarked", CODEC_UTF16BE},
    {"utf_32", CODEC_UTF32}, {"utf32", CODEC_UTF32}, {"u32", CODEC_UTF32},
    {"utf_32_le", CODEC_UTF32LE}, {"utf_32le", CODEC_UTF32LE},
    {"utf_32_be", CODEC_UTF32BE}, {"utf_32be", CODEC_UTF32BE},
};

// encodings.normalize_encoding + lower(): runs of non-alphanumerics (except
// '.') become one '_', leading/trailing ones are dropped.
static int lookup_codec(const char *encoding) {
    if (encoding == NULL) return CODEC_UTF8;
    // Fast path for the spellings everybody uses.
    static const struct {
        const char *name;
        int codec;
    } common[] = {
        {"utf-8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"UTF-8", CODEC_UTF8}, {"ascii", CODEC_ASCII},
        {"latin-1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"utf-16", CODEC_UTF16}, {"utf-32", CODEC_UTF32},
        {"utf-16-le", CODEC_UTF16LE}, {"utf-16-be", CODEC_UTF16BE}, {"utf-32-le", CODEC_UTF32LE},
        {"utf-32-be", CODEC_UTF32BE},
    };
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
        if (encoding[0] == common[i].name[0] && !strcmp(encoding, common[i].name)) return common[i].codec;
    char norm[64];
    size_t n = 0;
    bool pending = false;
    for (const char *p = encoding; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bool keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c >= 128;
        if (!keep) {
            pending = n > 0;
            continue;
        }
        if (pending) {
            if (n + 1 >= sizeof norm) return CODEC_UNKNOWN;
            norm[n++] = '_';
            pending = false;
        }
        if (n + 1 >= sizeof norm) return CODEC_UNKNOWN;
        norm[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    norm[n] = '\0';
    for (size_t i = 0; i < sizeof codec_names / sizeof codec_names[0]; i++)
        if (!strcmp(norm, codec_names[i].name)) return codec_names[i].codec;
    return CODEC_UNKNOWN;
}

static WfObject *unknown_encoding(const char *encoding) {
    return wf_err_format(&wf_exc_LookupError, "unknown encoding: %s", encoding);
}

enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_SURROGATEESCAPE, ERR_SURROGATEPASS, ERR_BACKSLASHREPLACE,
       ERR_XMLCHARREFREPLACE, ERR_UNKNOWN };

static int lookup_errors(const char *errors) {
    if (errors == NULL || !strcmp(errors, "strict")) return ERR_STRICT;
    if (!strcmp(errors, "ignore")) return ERR_IGNORE;
    if (!strcmp(errors, "replace")) return ERR_REPLACE;
    if (!strcmp(errors, "surrogateescape")) return ERR_SURROGATEESCAPE;
    if (!strcmp(errors, "surrogatepass")) return ERR_SURROGATEPASS;
    if (!strcmp(errors, "backslashreplace")) return ERR_BACKSLASHREPLACE;
    if (!strcmp(errors, "xmlcharrefreplace")) return ERR_XMLCHARREFREPLACE;
    return ERR_UNKNOWN;
}

static void unknown_handler(const char *errors) {
    wf_err_format(&wf_exc_LookupError, "unknown error handler name '%s'", errors);
}

// ---------------------------------------------------------------------------
// Exceptions

static void raise_unicode_error(WfTypeObject *type, const char *encoding, WfObject *object, wf_ssize start,
                                wf_ssize end, const char *reason) {
    WfObject *args[5] = {wf_str_from_cstr(encoding), wf_newref(object), wf_int_from_ssize(start),
                         wf_int_from_ssize(end), wf_str_from_cstr(reason)};
    bool ok = true;
    for (int i = 0; i < 5; i++) ok = ok && args[i];
    if (ok) {
        WfObject *exc = wf_exception_new(type, args, 5);
        if (exc) wf_err_set_exc_take(exc);
    }
    for (int i = 0; i < 5; i++) wf_xdecref(args[i]);
}

void wf_codecs_raise_encode_error(const char *encoding, WfObject *str, wf_ssize start, wf_ssize end,
                                  const char *reason) {
    raise_unicode_error(&wf_exc_UnicodeEncodeError, encoding, str, start, end, reason);
}

void wf_codecs_raise_decode_error(const char *encoding, const char *s, wf_ssize len, WfObject *errobj,
                                  wf_ssize start, wf_ssize end, const char *reason) {
    WfObject *obj = errobj ? wf_newref(errobj) : wf_bytes_from_data(s, len);
    if (!obj) return;
    raise_unicode_error(&wf_exc_UnicodeDecodeError, encoding, obj, start, end, reason);
    wf_decref(obj);
}

// ---------------------------------------------------------------------------
// Decoding error handling shared by the decoders. Returns the position to
// resume at, or -1 with an exception.

typedef struct {
    const char *encoding;
    const uint8_t *s;
    wf_ssize len;
    WfObject *errobj;
    const char *errors;
    int handler;
    WfStrBuilder *out;
} DecodeCtx;

static wf_ssize decode_error(DecodeCtx *c, wf_ssize start, wf_ssize end, const char *reason, bool utf8) {
    switch (c->handler) {
    case ERR_IGNORE:
        return end;
    case ERR_REPLACE:
        return wf_str_builder_append_char(c->out, 0xfffd) < 0 ? -1 : end;
    case ERR_BACKSLASHREPLACE:
        for (wf_ssize i = start; i < end; i++) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", c->s[i]);
            if (wf_str_builder_append_ascii(c->out, buf) < 0) return -1;
        }
        return end;
    case ERR_SURROGATEESCAPE: {
        wf_ssize k = 0;
        while (k < 4 && start + k < end && c->s[start + k] >= 128) {
            if (wf_str_builder_append_char(c->out, 0xdc00 + c->s[start + k]) < 0) return -1;
            k++;
        }
        if (k > 0) return start + k;
        break;
    }
    case ERR_SURROGATEPASS:
        if (utf8 && c->len - start >= 3 && (c->s[start] & 0xf0) == 0xe0 && (c->s[start + 1] & 0xc0) == 0x80 &&
            (c->s[start + 2] & 0xc0) == 0x80) {
            uint32_t ch = ((c->s[start] & 0x0f) << 12) | ((c->s[start + 1] & 0x3f) << 6) | (c->s[start + 2] & 0x3f);
            if (ch >= 0xd800 && ch <= 0xdfff) {
                if (wf_str_builder_append_char(c->out, ch) < 0) return -1;
                return start + 3;
            }
        }
        break;
    case ERR_UNKNOWN:
        unknown_handler(c->errors);
        return -1;
    default:
        break;
    }
    wf_codecs_raise_decode_error(c->encoding, (const char *)c->s, c->len, c->errobj, start, end, reason);
    return -1;
}

// ---------------------------------------------------------------------------
// UTF-8

#define IS_CONT(b) (((b) & 0xc0) == 0x80)
enum { U8_TRUNCATED = 0, U8_INVALID_START = -1, U8_CONT1 = -2, U8_CONT2 = -3, U8_CONT3 = -4 };

// Decodes one sequence at s (s < end): returns its length (> 0) and *cp, or
// one of the U8_* errors, classified exactly as CPython's stringlib decoder.
static inline __attribute__((always_inline)) int utf8_decode_one(const uint8_t *s, const uint8_t *end, uint32_t *cp) {
    uint32_t ch = s[0];
    wf_ssize avail = end - s;
    if (ch < 0x80) {
        *cp = ch;
        return 1;
    }
    if (ch < 0xe0) {
        if (ch < 0xc2) return U8_INVALID_START;
        if (avail < 2) return U8_TRUNCATED;
        if (!IS_CONT(s[1])) return U8_CONT1;
        *cp = ((ch & 0x1f) << 6) | (s[1] & 0x3f);
        return 2;
    }
    if (ch < 0xf0) {
        if (avail < 3) {
            if (avail < 2) return U8_TRUNCATED;
            if (!IS_CONT(s[1]) || (s[1] < 0xa0 ? ch == 0xe0 : ch == 0xed)) return U8_CONT1;
            return U8_TRUNCATED;
        }
        if (!IS_CONT(s[1])) return U8_CONT1;
        if (ch == 0xe0 && s[1] < 0xa0) return U8_CONT1;
        if (ch == 0xed && s[1] >= 0xa0) return U8_CONT1;
        if (!IS_CONT(s[2])) return U8_CONT2;
        *cp = ((ch & 0x0f) << 12) | ((s[1] & 0x3f) << 6) | (s[2] & 0x3f);
        return 3;
    }
    if (ch < 0xf5) {
        if (avail < 4) {
            if (avail < 2) return U8_TRUNCATED;
            if (!IS_CONT(s[1]) || (s[1] < 0x90 ? ch == 0xf0 : ch == 0xf4)) return U8_CONT1;
            if (avail < 3) return U8_TRUNCATED;
            if (!IS_CONT(s[2])) return U8_CONT2;
            return U8_TRUNCATED;
        }
        if (!IS_CONT(s[1])) return U8_CONT1;
        if (ch == 0xf0 && s[1] < 0x90) return U8_CONT1;
        if (ch == 0xf4 && s[1] >= 0x90) return U8_CONT1;
        if (!IS_CONT(s[2])) return U8_CONT2;
        if (!IS_CONT(s[3])) return U8_CONT3;
        *cp = ((ch & 0x07) << 18) | ((s[1] & 0x3f) << 12) | ((s[2] & 0x3f) << 6) | (s[3] & 0x3f);
        return 4;
    }
    return U8_INVALID_START;
}

static WfObject *utf8_decode_slow(const char *str, wf_ssize len, const char *errors, WfObject *errobj) {
    WfStrBuilder b;
    wf_str_builder_init(&b);
    DecodeCtx c = {"utf-8", (const uint8_t *)str, len, errobj, errors, lookup_errors(errors), &b};
    const uint8_t *s = c.s, *end = s + len;
    wf_ssize i = 0;
    if (wf_str_builder_reserve(&b, len) < 0) return NULL;
    while (i < len) {
        uint32_t cp;
        int r = utf8_decode_one(s + i, end, &cp);
        if (r > 0) {
            if (wf_str_builder_append_char(&b, cp) < 0) goto fail;
            i += r;
            continue;
        }
        const char *reason;
        wf_ssize estart = i, eend;
        if (r == U8_TRUNCATED) {
            reason = "unexpected end of data";
            eend = len;
        } else if (r == U8_INVALID_START) {
            reason = "invalid start byte";
            eend = i + 1;
        } else {
            reason = "invalid continuation byte";
            eend = i + (-r - 1);
        }
        wf_ssize next = decode_error(&c, estart, eend, reason, true);
        if (next < 0) goto fail;
        i = next;
    }
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    return NULL;
}

// One well-formed non-ASCII sequence at p (p < end): its length and *cp, or 0
// when malformed (the slow path then classifies the error).
static inline __attribute__((always_inline)) int utf8_decode_valid(const uint8_t *p, const uint8_t *end,
                                                                   uint32_t *cp) {
    uint32_t c = p[0];
    wf_ssize avail = end - p;
    if (c < 0xe0) {
        if (c < 0xc2 || avail < 2 || !IS_CONT(p[1])) return 0;
        *cp = ((c & 0x1f) << 6) | (p[1] & 0x3f);
        return 2;
    }
    if (c < 0xf0) {
        if (avail < 3 || !IS_CONT(p[1]) || !IS_CONT(p[2])) return 0;
        uint32_t v = ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
        if (v < 0x800 || v - 0xd800 < 0x800) return 0;  // overlong or a surrogate
        *cp = v;
        return 3;
    }
    if (c < 0xf5) {
        if (avail < 4 || !IS_CONT(p[1]) || !IS_CONT(p[2]) || !IS_CONT(p[3])) return 0;
        uint32_t v = ((c & 0x07) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
        if (v < 0x10000 || v > 0x10ffff) return 0;
        *cp = v;
        return 4;
    }
    return 0;
}

// Decoders into one output kind: decode from *pp, writing out[*k...], while
// the code points fit T. Return 0 at the end of the input, 1 when *wide (already
// consumed) needs a wider kind, -1 on malformed input. *mx tracks the maximum.
#define DEFINE_UTF8_DECODER(NAME, T, LIMIT)                                                                    \
    static int NAME(const uint8_t **pp, const uint8_t *end, T *out, wf_ssize *kp, uint32_t *mx, uint32_t *wide) { \
        const uint8_t *p = *pp;                                                                                \
        wf_ssize k = *kp;                                                                                      \
        uint32_t m = *mx;                                                                                      \
        int status = 0;                                                                                        \
        while (p < end) {                                                                                      \
            uint32_t c = *p;                                                                                   \
            if (c < 0x80) {                                                                                    \
                if (end - p >= 8) {                                                                            \
                    uint64_t w;                                                                                \
                    memcpy(&w, p, 8);                                                                          \
                    if (!(w & 0x8080808080808080ULL)) {                                                        \
                        for (int j = 0; j < 8; j++) out[k + j] = (T)p[j];                                      \
                        k += 8;                                                                                \
                        p += 8;                                                                                \
                        continue;                                                                              \
                    }                                                                                          \
                }                                                                                              \
                out[k++] = (T)c;                                                                               \
                p++;                                                                                           \
                continue;                                                                                      \
            }                                                                                                  \
            uint32_t cp;                                                                                       \
            int r = utf8_decode_valid(p, end, &cp);                                                            \
            if (!r) {                                                                                          \
                status = -1;                                                                                   \
                break;                                                                                         \
            }                                                                                                  \
            p += r;                                                                                            \
            if (cp > (LIMIT)) {                                                                                \
                *wide = cp;                                                                                    \
                status = 1;                                                                                    \
                break;                                                                                         \
            }                                                                                                  \
            if (cp > m) m = cp;                                                                                \
            out[k++] = (T)cp;                                                                                  \
        }                                                                                                      \
        *pp = p;                                                                                               \
        *kp = k;                                                                                               \
        *mx = m;                                                                                               \
        return status;                                                                                         \
    }
DEFINE_UTF8_DECODER(utf8_decode_ucs1, uint8_t, 0xff)
DEFINE_UTF8_DECODER(utf8_decode_ucs2, uint16_t, 0xffff)
DEFINE_UTF8_DECODER(utf8_decode_ucs4, uint32_t, 0x10ffff)
#undef DEFINE_UTF8_DECODER

WfObject *wf_codecs_utf8_decode(const char *str, wf_ssize len, const char *errors, WfObject *errobj) {
    const uint8_t *s = (const uint8_t *)str, *end = s + len, *p = s;
    // An ASCII prefix eight bytes at a time; all ASCII is the common case.
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (w & 0x8080808080808080ULL) break;
        p += 8;
    }
    while (p < end && *p < 0x80) p++;
    if (p == end) return wf_str_from_ascii(str, len);
    // One pass into a builder sized for the worst case (one code point per
    // byte), starting at the narrowest kind and widening when a code point
    // needs it (CPython's writer-based decoder). Malformed input: the slow
    // path, which applies the error handler.
    WfStrBuilder b;
    wf_str_builder_init(&b);
    // Valid input with a byte >= 0x80 decodes to non-ASCII text: start with
    // that layout (malformed input is decoded again by the slow path).
    b.maxchar = 0x80;
    if (wf_str_builder_reserve(&b, len) < 0) return NULL;
    memcpy(b.block + sizeof(WfStrWideObject), s, (size_t)(p - s));
    wf_ssize k = p - s;
    uint32_t mx = 0x80, wide = 0;
    int status;
    for (;;) {
        char *data = b.block + sizeof(WfStrWideObject);
        if (b.kind == 1) status = utf8_decode_ucs1(&p, end, (uint8_t *)data, &k, &mx, &wide);
        else if (b.kind == 2) status = utf8_decode_ucs2(&p, end, (uint16_t *)data, &k, &mx, &wide);
        else status = utf8_decode_ucs4(&p, end, (uint32_t *)data, &k, &mx, &wide);
        b.len = k;
        if (status != 1) break;
        // Widen (converting what is written) and append the wide code point.
        if (mx > b.maxchar) b.maxchar = mx;
        if (wf_str_builder_append_char(&b, wide) < 0) return NULL;
        k = b.len;
        mx = b.maxchar;
    }
    if (status < 0) {
        wf_str_builder_discard(&b);
        return utf8_decode_slow(str, len, errors, errobj);
    }
    if (mx > b.maxchar) b.maxchar = mx;
    return wf_str_builder_finish(&b);
}

static inline size_t utf8_put(char *out, uint32_t ch) {
    if (ch < 0x80) {
        out[0] = (char)ch;
        return 1;
    }
    if (ch < 0x800) {
        out[0] = (char)(0xc0 | (ch >> 6));
        out[1] = (char)(0x80 | (ch & 0x3f));
        return 2;
    }
    if (ch < 0x10000) {
        out[0] = (char)(0xe0 | (ch >> 12));
        out[1] = (char)(0x80 | ((ch >> 6) & 0x3f));
        out[2] = (char)(0x80 | (ch & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (ch >> 18));
    out[1] = (char)(0x80 | ((ch >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((ch >> 6) & 0x3f));
    out[3] = (char)(0x80 | (ch & 0x3f));
    return 4;
}

// A growable byte buffer for the encoders.
typedef struct {
    char *buf;
    wf_ssize len, cap;
} ByteBuf;

static int bb_reserve(ByteBuf *b, wf_ssize extra) {
    if (b->len + extra <= b->cap) return 0;
    wf_ssize cap = b->cap ? b->cap : 16;
    while (cap < b->len + extra) cap = cap * 2;
    char *nb = wf_mem_realloc(b->buf, (size_t)cap + 1);
    if (!nb) {
        wf_err_no_memory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static int bb_put(ByteBuf *b, const char *s, wf_ssize n) {
    if (bb_reserve(b, n) < 0) return -1;
    memcpy(b->buf + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

// Replacement for an unencodable range [start, end) of `str`; returns the
// position to resume at or -1. `limit` is 0x80/0x100 for ASCII/Latin-1 and
// 0 for the UTF codecs (which only reject surrogates).
static wf_ssize encode_error(ByteBuf *b, const char *encoding, WfObject *str, const char *errors, int handler,
                             wf_ssize start, wf_ssize end, const char *reason, uint32_t limit) {
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    char tmp[32];
    switch (handler) {
    case ERR_IGNORE:
        return end;
    case ERR_REPLACE:
        for (wf_ssize i = start; i < end; i++)
            if (bb_put(b, "?", 1) < 0) return -1;
        return end;
    case ERR_BACKSLASHREPLACE:
        for (wf_ssize i = start; i < end; i++) {
            uint32_t ch = wf_str_read(kind, data, i);
            int n = ch < 0x100 ? snprintf(tmp, sizeof tmp, "\\x%02x", ch)
                    : ch < 0x10000 ? snprintf(tmp, sizeof tmp, "\\u%04x", ch)
                                   : snprintf(tmp, sizeof tmp, "\\U%08x", ch);
            if (bb_put(b, tmp, n) < 0) return -1;
        }
        return end;
    case ERR_XMLCHARREFREPLACE:
        for (wf_ssize i = start; i < end; i++) {
            int n = snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)wf_str_read(kind, data, i));
            if (bb_put(b, tmp, n) < 0) return -1;
        }
        return end;
    case ERR_SURROGATEESCAPE: {
        wf_ssize i = start;
        for (; i < end; i++) {
            uint32_t ch = wf_str_read(kind, data, i);
            if (ch < 0xdc80 || ch > 0xdcff) break;
            char byte = (char)(ch - 0xdc00);
            if (bb_put(b, &byte, 1) < 0) return -1;
        }
        if (i == end) return end;
        start = i;
        break;
    }
    case ERR_SURROGATEPASS:
        if (limit == 0 && !strcmp(encoding, "utf-8")) {
            wf_ssize i = start;
            for (; i < end; i++) {
                uint32_t ch = wf_str_read(kind, data, i);
                if (ch < 0xd800 || ch > 0xdfff) break;
                char out[4];
                size_t n = utf8_put(out, ch);
                if (bb_put(b, out, (wf_ssize)n) < 0) return -1;
            }
            if (i == end) return end;
            start = i;
        }
        break;
    case ERR_UNKNOWN:
        unknown_handler(errors);
        return -1;
    default:
        break;
    }
    wf_codecs_raise_encode_error(encoding, str, start, end, reason);
    return -1;
}

static bool is_surrogate(uint32_t ch) { return ch >= 0xd800 && ch <= 0xdfff; }

// Encodes to a ByteBuf; 0 ok, -1 error.
static int utf8_encode_into(ByteBuf *b, WfObject *str, const char *errors) {
    wf_ssize n = wf_str_length(str);
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    wf_ssize per_char = kind == 1 ? 2 : kind == 2 ? 3 : 4;  // worst case per code point
    if (bb_reserve(b, n * per_char) < 0) return -1;
    int handler = -1;
    if (kind == 1) {
        const uint8_t *p = data;
        char *out = b->buf + b->len;
        for (wf_ssize i = 0; i < n; i++) {
            uint8_t c = p[i];
            if (c < 0x80) {
                *out++ = (char)c;
            } else {
                *out++ = (char)(0xc0 | (c >> 6));
                *out++ = (char)(0x80 | (c & 0x3f));
            }
        }
        b->len = out - b->buf;
        return 0;
    }
    for (wf_ssize i = 0; i < n;) {
        uint32_t ch = kind == 2 ? ((const uint16_t *)data)[i] : ((const uint32_t *)data)[i];
        if (ch < 0x80) {
            b->buf[b->len++] = (char)ch;
            i++;
            continue;
        }
        if (!is_surrogate(ch)) {
            b->len += (wf_ssize)utf8_put(b->buf + b->len, ch);  // room reserved for the rest
            i++;
            continue;
        }
        wf_ssize end = i + 1;
        while (end < n && is_surrogate(wf_str_read(kind, data, end))) end++;
        if (handler < 0) handler = lookup_errors(errors);
        wf_ssize next = encode_error(b, "utf-8", str, errors, handler, i, end, "surrogates not allowed", 0);
        if (next < 0) return -1;
        i = next;
        if (bb_reserve(b, (n - i) * per_char) < 0) return -1;  // the replacement may have used the room
    }
    return 0;
}

// Exact UTF-8 size of str, or -1 if it contains a surrogate.
static wf_ssize utf8_size(WfObject *str) {
    wf_ssize n = wf_str_length(str), size = n;
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    if (kind == 1) {
        // One extra byte per code point >= 0x80: count the top bits eight at a time.
        const uint8_t *p = data;
        wf_ssize i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            size += (wf_ssize)((((w & 0x8080808080808080ULL) >> 7) * 0x0101010101010101ULL) >> 56);
        }
        for (; i < n; i++) size += p[i] >> 7;
        return size;
    }
    bool surrogate = false;
    if (kind == 2) {
        const uint16_t *p = data;
        for (wf_ssize i = 0; i < n; i++) {
            uint32_t ch = p[i];
            size += (ch >= 0x80) + (ch >= 0x800);
            surrogate |= (ch & 0xf800) == 0xd800;
        }
    } else {
        const uint32_t *p = data;
        for (wf_ssize i = 0; i < n; i++) {
            uint32_t ch = p[i];
            size += (ch >= 0x80) + (ch >= 0x800) + (ch >= 0x10000);
            surrogate |= (ch & 0xfffff800) == 0xd800;
        }
    }
    return surrogate ? -1 : size;
}

// UTF-8 of a str without surrogates into out (utf8_size bytes).
static void utf8_encode_exact(WfObject *str, char *out) {
    wf_ssize n = wf_str_length(str);
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    if (kind == 1) {
        const uint8_t *p = data;
        for (wf_ssize i = 0; i < n; i++) {
            uint8_t c = p[i];
            if (c < 0x80) {
                *out++ = (char)c;
            } else {
                *out++ = (char)(0xc0 | (c >> 6));
                *out++ = (char)(0x80 | (c & 0x3f));
            }
        }
        return;
    }
    if (kind == 2) {
        const uint16_t *p = data;
        for (wf_ssize i = 0; i < n; i++) {
            uint32_t ch = p[i];
            if (ch < 0x80) {
                *out++ = (char)ch;
            } else if (ch < 0x800) {
                out[0] = (char)(0xc0 | (ch >> 6));
                out[1] = (char)(0x80 | (ch & 0x3f));
                out += 2;
            } else {
                out[0] = (char)(0xe0 | (ch >> 12));
                out[1] = (char)(0x80 | ((ch >> 6) & 0x3f));
                out[2] = (char)(0x80 | (ch & 0x3f));
                out += 3;
            }
        }
        return;
    }
    const uint32_t *p = data;
    for (wf_ssize i = 0; i < n; i++) out += utf8_put(out, p[i]);
}

char *wf_codecs_utf8_encode_raw(WfObject *str, wf_ssize *len) {
    wf_ssize size = utf8_size(str);
    if (size >= 0) {
        char *buf = wf_mem_malloc((size_t)size + 1);
        if (!buf) {
            wf_err_no_memory();
            return NULL;
        }
        utf8_encode_exact(str, buf);
        buf[size] = '\0';
        *len = size;
        return buf;
    }
    ByteBuf b = {NULL, 0, 0};  // surrogates: strict raises UnicodeEncodeError
    if (utf8_encode_into(&b, str, "strict") < 0) {
        wf_mem_free(b.buf);
        return NULL;
    }
    if (bb_reserve(&b, 1) < 0) {
        wf_mem_free(b.buf);
        return NULL;
    }
    b.buf[b.len] = '\0';
    *len = b.len;
    return b.buf;
}

static WfObject *bytebuf_finish(ByteBuf *b) {
    WfObject *r = wf_bytes_from_data(b->buf ? b->buf : "", b->len);
    wf_mem_free(b->buf);
    return r;
}

// UTF-8 of a UCS-2/UCS-4 str in one pass into a worst-case sized bytes
// object, shrunk at the end; NULL without an exception when a surrogate needs
// the error handler (or NULL + MemoryError: *failed).
static WfObject *utf8_encode_wide(WfObject *str, bool *failed) {
    wf_ssize n = wf_str_length(str);
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    *failed = false;
    if (n > PTRDIFF_MAX / 4 - 1) {
        *failed = true;
        wf_err_no_memory();
        return NULL;
    }
    WfObject *r = wf_bytes_from_data(NULL, n * (kind == 2 ? 3 : 4));
    if (!r) {
        *failed = true;
        return NULL;
    }
    char *out = wf_bytes_data(r), *start = out;
    for (wf_ssize i = 0; i < n; i++) {
        uint32_t ch = kind == 2 ? ((const uint16_t *)data)[i] : ((const uint32_t *)data)[i];
        if (ch < 0x80) {
            *out++ = (char)ch;
        } else if (ch < 0x800) {
            out[0] = (char)(0xc0 | (ch >> 6));
            out[1] = (char)(0x80 | (ch & 0x3f));
            out += 2;
        } else if (ch < 0x10000) {
            if (ch - 0xd800 < 0x800) {  // a surrogate: the error handler decides
                wf_decref(r);
                return NULL;
            }
            out[0] = (char)(0xe0 | (ch >> 12));
            out[1] = (char)(0x80 | ((ch >> 6) & 0x3f));
            out[2] = (char)(0x80 | (ch & 0x3f));
            out += 3;
        } else {
            out[0] = (char)(0xf0 | (ch >> 18));
            out[1] = (char)(0x80 | ((ch >> 12) & 0x3f));
            out[2] = (char)(0x80 | ((ch >> 6) & 0x3f));
            out[3] = (char)(0x80 | (ch & 0x3f));
            out += 4;
        }
    }
    return wf_bytes_shrink_fresh(r, out - start);
}

WfObject *wf_codecs_utf8_encode(WfObject *str, const char *errors) {
    if (wf_str_obj(str)->ascii) return wf_bytes_from_data(wf_str_data(str), wf_str_length(str));
    if (wf_str_kind(str) > 1) {
        bool failed;
        WfObject *r = utf8_encode_wide(str, &failed);
        if (r || failed) return r;
        // A surrogate: the general path below applies the error handler.
        ByteBuf b = {NULL, 0, 0};
        if (utf8_encode_into(&b, str, errors) < 0) {
            wf_mem_free(b.buf);
            return NULL;
        }
        return bytebuf_finish(&b);
    }
    wf_ssize size = utf8_size(str);
    if (size >= 0) {
        // No surrogates: encode straight into the result.
        WfObject *r = wf_bytes_from_data(NULL, size);
        if (r) utf8_encode_exact(str, wf_bytes_data(r));
        return r;
    }
    ByteBuf b = {NULL, 0, 0};
    if (utf8_encode_into(&b, str, errors) < 0) {
        wf_mem_free(b.buf);
        return NULL;
    }
    return bytebuf_finish(&b);
}

// ---------------------------------------------------------------------------
// ASCII and Latin-1

static WfObject *charmap_encode(WfObject *str, const char *errors, uint32_t limit) {
    const char *encoding = limit == 0x80 ? "ascii" : "latin-1";
    const char *reason = limit == 0x80 ? "ordinal not in range(128)" : "ordinal not in range(256)";
    wf_ssize n = wf_str_length(str);
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    if (wf_str_obj(str)->ascii || (kind == 1 && limit == 0x100)) return wf_bytes_from_data(data, n);
    ByteBuf b = {NULL, 0, 0};
    if (bb_reserve(&b, n) < 0) return NULL;
    int handler = lookup_errors(errors);
    for (wf_ssize i = 0; i < n;) {
        uint32_t ch = wf_str_read(kind, data, i);
        if (ch < limit) {
            b.buf[b.len++] = (char)ch;
            i++;
            continue;
        }
        wf_ssize end = i + 1;
        while (end < n && wf_str_read(kind, data, end) >= limit) end++;
        wf_ssize next = encode_error(&b, encoding, str, errors, handler, i, end, reason, limit);
        if (next < 0) {
            wf_mem_free(b.buf);
            return NULL;
        }
        if (bb_reserve(&b, n - next) < 0) {
            wf_mem_free(b.buf);
            return NULL;
        }
        i = next;
    }
    return bytebuf_finish(&b);
}

static WfObject *ascii_decode(const char *str, wf_ssize len, const char *errors, WfObject *errobj) {
    const uint8_t *s = (const uint8_t *)str;
    wf_ssize i = 0;
    while (i < len && s[i] < 128) i++;
    if (i == len) return wf_str_from_ascii(str, len);
    WfStrBuilder b;
    wf_str_builder_init(&b);
    DecodeCtx c = {"ascii", s, len, errobj, errors, lookup_errors(errors), &b};
    if (wf_str_builder_append_kind_data(&b, 1, s, i) < 0) goto fail;
    while (i < len) {
        if (s[i] < 128) {
            if (wf_str_builder_append_char(&b, s[i]) < 0) goto fail;
            i++;
            continue;
        }
        wf_ssize next = decode_error(&c, i, i + 1, "ordinal not in range(128)", false);
        if (next < 0) goto fail;
        i = next;
    }
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    return NULL;
}

// ---------------------------------------------------------------------------
// UTF-16 / UTF-32

// Whether a UCS-2/UCS-4 str holds a surrogate (the encoders' error case).
static bool has_surrogate(int kind, const void *data, wf_ssize n) {
    bool found = false;
    if (kind == 2)
        for (wf_ssize i = 0; i < n; i++) found |= (((const uint16_t *)data)[i] & 0xf800) == 0xd800;
    else if (kind == 4)
        for (wf_ssize i = 0; i < n; i++) found |= (((const uint32_t *)data)[i] & 0xfffff800) == 0xd800;
    return found;
}

// UTF-16/UTF-32 without surrogates: exact size, written straight into the
// result. byteorder -1 little, 1 big; unit 2 or 4 bytes.
static inline __attribute__((always_inline)) WfObject *utf16_32_encode_fast(WfObject *str, int byteorder, bool bom,
                                                                             int unit) {
    wf_ssize n = wf_str_length(str), units = n + (bom ? 1 : 0);
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    if (unit == 2 && kind == 4)
        for (wf_ssize i = 0; i < n; i++) units += ((const uint32_t *)data)[i] >= 0x10000;
    if (units > PTRDIFF_MAX / 8) return wf_err_no_memory();
    WfObject *r = wf_bytes_from_data(NULL, units * unit);
    if (!r) return NULL;
    uint8_t *out = (uint8_t *)wf_bytes_data(r);
    // Units are stored in the machine's order, byte-swapped when it differs.
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const bool swap = byteorder > 0;
#else
    const bool swap = byteorder < 0;
#endif
#define PUT_UNIT(u)                                                                          \
    do {                                                                                     \
        uint32_t u_ = (u);                                                                   \
        if (unit == 2) {                                                                     \
            uint16_t v_ = (uint16_t)u_;                                                      \
            if (swap) v_ = __builtin_bswap16(v_);                                            \
            memcpy(out, &v_, 2);                                                             \
        } else {                                                                             \
            if (swap) u_ = __builtin_bswap32(u_);                                            \
            memcpy(out, &u_, 4);                                                             \
        }                                                                                    \
        out += unit;                                                                         \
    } while (0)
    if (bom) PUT_UNIT(0xfeff);
    if (kind == 1) {
        const uint8_t *p = data;
        for (wf_ssize i = 0; i < n; i++) PUT_UNIT(p[i]);
    } else if (kind == 2) {
        const uint16_t *p = data;
        for (wf_ssize i = 0; i < n; i++) PUT_UNIT(p[i]);
    } else {
        const uint32_t *p = data;
        for (wf_ssize i = 0; i < n; i++) {
            uint32_t ch = p[i];
            if (unit == 2 && ch >= 0x10000) {
                PUT_UNIT(0xd800 | ((ch - 0x10000) >> 10));
                PUT_UNIT(0xdc00 | ((ch - 0x10000) & 0x3ff));
            } else {
                PUT_UNIT(ch);
            }
        }
    }
#undef PUT_UNIT
    return r;
}

static WfObject *utf16_encode(WfObject *str, const char *errors, int byteorder, bool bom) {
    if (!has_surrogate(wf_str_kind(str), wf_str_data(str), wf_str_length(str)))  // constant folded per order
        return byteorder < 0 ? utf16_32_encode_fast(str, -1, bom, 2) : utf16_32_encode_fast(str, 1, bom, 2);
    // byteorder: -1 little, 1 big.
    const char *encoding = byteorder < 0 ? "utf-16-le" : "utf-16-be";
    if (bom) encoding = "utf-16";
    wf_ssize n = wf_str_length(str);
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    ByteBuf b = {NULL, 0, 0};
    int handler = -1;
    if (bb_reserve(&b, 2 * n + 2) < 0) return NULL;
    #define PUT16(u) do { uint16_t u_ = (uint16_t)(u); char t_[2]; \
        if (byteorder < 0) { t_[0] = (char)(u_ & 0xff); t_[1] = (char)(u_ >> 8); } \
        else { t_[0] = (char)(u_ >> 8); t_[1] = (char)(u_ & 0xff); } \
        if (bb_put(&b, t_, 2) < 0) goto fail; } while (0)
    if (bom) PUT16(0xfeff);
    for (wf_ssize i = 0; i < n;) {
        uint32_t ch = wf_str_read(kind, data, i);
        if (is_surrogate(ch)) {
            wf_ssize end = i + 1;
            while (end < n && is_surrogate(wf_str_read(kind, data, end))) end++;
            if (handler < 0) handler = lookup_errors(errors);
            if (handler == ERR_SURROGATEPASS) {
                for (; i < end; i++) PUT16(wf_str_read(kind, data, i));
                continue;
            }
            wf_ssize next = encode_error(&b, encoding, str, errors, handler, i, end, "surrogates not allowed", 0);
            if (next < 0) goto fail;
            i = next;
            continue;
        }
        if (ch >= 0x10000) {
            PUT16(0xd800 | ((ch - 0x10000) >> 10));
            PUT16(0xdc00 | ((ch - 0x10000) & 0x3ff));
        } else {
            PUT16(ch);
        }
        i++;
    }
    #undef PUT16
    return bytebuf_finish(&b);
fail:
    wf_mem_free(b.buf);
    return NULL;
}

static WfObject *utf32_encode(WfObject *str, const char *errors, int byteorder, bool bom) {
    if (!has_surrogate(wf_str_kind(str), wf_str_data(str), wf_str_length(str)))
        return byteorder < 0 ? utf16_32_encode_fast(str, -1, bom, 4) : utf16_32_encode_fast(str, 1, bom, 4);
    const char *encoding = bom ? "utf-32" : byteorder < 0 ? "utf-32-le" : "utf-32-be";
    wf_ssize n = wf_str_length(str);
    int kind = wf_str_kind(str);
    const void *data = wf_str_data(str);
    ByteBuf b = {NULL, 0, 0};
    int handler = -1;
    if (bb_reserve(&b, 4 * n + 4) < 0) return NULL;
    #define PUT32(u) do { uint32_t u_ = (u); char t_[4]; \
        for (int k_ = 0; k_ < 4; k_++) t_[byteorder < 0 ? k_ : 3 - k_] = (char)((u_ >> (8 * k_)) & 0xff); \
        if (bb_put(&b, t_, 4) < 0) goto fail; } while (0)
    if (bom) PUT32(0xfeff);
    for (wf_ssize i = 0; i < n;) {
        uint32_t ch = wf_str_read(kind, data, i);
        if (is_surrogate(ch)) {
            wf_ssize end = i + 1;
            while (end < n && is_surrogate(wf_str_read(kind, data, end))) end++;
            if (handler < 0) handler = lookup_errors(errors);
            if (handler == ERR_SURROGATEPASS) {
                for (; i < end; i++) PUT32(wf_str_read(kind, data, i));
                continue;
            }
            wf_ssize next = encode_error(&b, encoding, str, errors, handler, i, end, "surrogates not allowed", 0);
            if (next < 0) goto fail;
            i = next;
            continue;
        }
        PUT32(ch);
        i++;
    }
    #undef PUT32
    return bytebuf_finish(&b);
fail:
    wf_mem_free(b.buf);
    return NULL;
}

static WfObject *utf16_decode(const char *str, wf_ssize len, const char *errors, int byteorder, WfObject *errobj) {
    const uint8_t *s = (const uint8_t *)str;
    wf_ssize i = 0;
    if (byteorder == 0) {
        byteorder = -1;  // native (little-endian) unless a BOM says otherwise
        if (len >= 2) {
            if (s[0] == 0xff && s[1] == 0xfe) i = 2;
            else if (s[0] == 0xfe && s[1] == 0xff) { byteorder = 1; i = 2; }
        }
    }
    WfStrBuilder b;
    wf_str_builder_init(&b);
    DecodeCtx c = {byteorder < 0 ? "utf-16-le" : "utf-16-be", s, len, errobj, errors, lookup_errors(errors), &b};
    #define GET16(p) (byteorder < 0 ? (uint32_t)(s[p] | (s[(p) + 1] << 8)) : (uint32_t)((s[p] << 8) | s[(p) + 1]))
    while (i < len) {
        wf_ssize next;
        if (len - i < 2) {
            next = decode_error(&c, i, len, "truncated data", false);
        } else {
            uint32_t u = GET16(i);
            if (u < 0xd800 || u > 0xdfff) {
                if (wf_str_builder_append_char(&b, u) < 0) goto fail;
                i += 2;
                continue;
            }
            if (u >= 0xdc00) {
                next = c.handler == ERR_SURROGATEPASS ? (wf_str_builder_append_char(&b, u) < 0 ? -1 : i + 2)
                                                      : decode_error(&c, i, i + 2, "illegal encoding", false);
            } else if (len - i < 4) {
                next = decode_error(&c, i, len, "unexpected end of data", false);
            } else {
                uint32_t u2 = GET16(i + 2);
                if (u2 >= 0xdc00 && u2 <= 0xdfff) {
                    if (wf_str_builder_append_char(&b, 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00)) < 0) goto fail;
                    i += 4;
                    continue;
                }
                next = c.handler == ERR_SURROGATEPASS ? (wf_str_builder_append_char(&b, u) < 0 ? -1 : i + 2)
                                                      : decode_error(&c, i, i + 2, "illegal UTF-16 surrogate", false);
            }
        }
        if (next < 0) goto fail;
        i = next;
    }
    #undef GET16
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    return NULL;
}

static WfObject *utf32_decode(const char *str, wf_ssize len, const char *errors, int byteorder, WfObject *errobj) {
    const uint8_t *s = (const uint8_t *)str;
    wf_ssize i = 0;
    if (byteorder == 0) {
        byteorder = -1;
        if (len >= 4) {
            if (s[0] == 0xff && s[1] == 0xfe && s[2] == 0 && s[3] == 0) i = 4;
            else if (s[0] == 0 && s[1] == 0 && s[2] == 0xfe && s[3] == 0xff) { byteorder = 1; i = 4; }
        }
    }
    WfStrBuilder b;
    wf_str_builder_init(&b);
    DecodeCtx c = {byteorder < 0 ? "utf-32-le" : "utf-32-be", s, len, errobj, errors, lookup_errors(errors), &b};
    while (i < len) {
        wf_ssize next;
        if (len - i < 4) {
            next = decode_error(&c, i, len, "truncated data", false);
        } else {
            uint32_t u = byteorder < 0 ? (uint32_t)s[i] | (uint32_t)s[i + 1] << 8 | (uint32_t)s[i + 2] << 16 | (uint32_t)s[i + 3] << 24
                                       : (uint32_t)s[i + 3] | (uint32_t)s[i + 2] << 8 | (uint32_t)s[i + 1] << 16 | (uint32_t)s[i] << 24;
            if (u <= 0x10ffff && (!is_surrogate(u) || c.handler == ERR_SURROGATEPASS)) {
                if (wf_str_builder_append_char(&b, u) < 0) goto fail;
                i += 4;
                continue;
            }
            next = decode_error(&c, i, i + 4, u > 0x10ffff ? "code point not in range(0x110000)"
                                                           : "code point in surrogate code point range(0xd800, 0xe000)", false);
        }
        if (next < 0) goto fail;
        i = next;
    }
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    return NULL;
}

// ---------------------------------------------------------------------------
// Entry points

WfObject *wf_str_encode(WfObject *s, const char *encoding, const char *errors) {
    switch (lookup_codec(encoding)) {
    case CODEC_UTF8: return wf_codecs_utf8_encode(s, errors);
    case CODEC_UTF8_SIG: {
        WfObject *body = wf_codecs_utf8_encode(s, errors);
        if (!body) return NULL;
        WfObject *bom = wf_bytes_from_data("\xef\xbb\xbf", 3);
        WfObject *r = bom ? wf_bytes_concat(bom, body) : NULL;
        wf_xdecref(bom);
        wf_decref(body);
        return r;
    }
    case CODEC_ASCII: return charmap_encode(s, errors, 0x80);
    case CODEC_LATIN1: return charmap_encode(s, errors, 0x100);
    case CODEC_UTF16: return utf16_encode(s, errors, -1, true);
    case CODEC_UTF16LE: return utf16_encode(s, errors, -1, false);
    case CODEC_UTF16BE: return utf16_encode(s, errors, 1, false);
    case CODEC_UTF32: return utf32_encode(s, errors, -1, true);
    case CODEC_UTF32LE: return utf32_encode(s, errors, -1, false);
    case CODEC_UTF32BE: return utf32_encode(s, errors, 1, false);
    default: return unknown_encoding(encoding);
    }
}

static WfObject *decode_with(const char *s, wf_ssize len, const char *encoding, const char *errors, WfObject *errobj) {
    switch (lookup_codec(encoding)) {
    case CODEC_UTF8: return wf_codecs_utf8_decode(s, len, errors, errobj);
    case CODEC_UTF8_SIG:
        // A leading BOM is dropped. (Error positions then count from after
        // it, where CPython's incremental decoder counts from the start.)
        if (len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) return wf_codecs_utf8_decode(s + 3, len - 3, errors, NULL);
        return wf_codecs_utf8_decode(s, len, errors, errobj);
    case CODEC_ASCII: return ascii_decode(s, len, errors, errobj);
    case CODEC_LATIN1: return wf_str_from_latin1(s, len);
    case CODEC_UTF16: return utf16_decode(s, len, errors, 0, errobj);
    case CODEC_UTF16LE: return utf16_decode(s, len, errors, -1, errobj);
    case CODEC_UTF16BE: return utf16_decode(s, len, errors, 1, errobj);
    case CODEC_UTF32: return utf32_decode(s, len, errors, 0, errobj);
    case CODEC_UTF32LE: return utf32_decode(s, len, errors, -1, errobj);
    case CODEC_UTF32BE: return utf32_decode(s, len, errors, 1, errobj);
    default: return unknown_encoding(encoding);
    }
}

WfObject *wf_str_decode(const char *s, wf_ssize len, const char *encoding, const char *errors) {
    return decode_with(s, len, encoding, errors, NULL);
}

WfObject *wf_bytes_decode(WfObject *b, const char *encoding, const char *errors) {
    const char *data;
    wf_ssize len;
    if (wf_bytes_like_get(b, &data, &len) < 0) return NULL;
    // bytes are immutable: errors may refer to the object itself. A
    // bytearray may change, so errors get a snapshot (made on demand).
    WfObject *errobj = wf_bytes_check(b) ? b : NULL;
    return decode_with(data, len, encoding, errors, errobj);
}
