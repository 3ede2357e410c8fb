// str_from_format.c — wf_str_from_format: printf-like construction of str for
// C code (every error message of the interpreter goes through it), with
// CPython's PyUnicode_FromFormat codes plus %T/%N for type names.
//
// Codes: %% %c (int code point) %d %i %u %x (with l, ll, z, j, t length
// modifiers) %p %s (UTF-8 char *) %U (str) %S str(obj) %R repr(obj)
// %A ascii(obj) %T type name of an object %N name of a type object.
// Flags '-' (left-justify) and '0' (zero-pad numbers), a width and a
// precision (digits or '*'): for %s the precision counts bytes, for the
// object codes code points, for integers the minimum number of digits.
//
// Invariant: the format is consumed left to right exactly once; the output
// is accumulated in a private WfStrBuilder.
#include <stdio.h>

#include "objects/str_internal.h"
#include "runtime/error.h"

static const char *type_name(WfTypeObject *t) { return t->tp_name ? t->tp_name : "?"; }

static int append_padded(WfStrBuilder *b, WfObject *s, wf_ssize width, wf_ssize precision, bool left) {
    wf_ssize len = wf_str_length(s);
    if (precision >= 0 && len > precision) len = precision;
    if (!left && width > len && wf_str_builder_append_repeat(b, ' ', width - len) < 0) return -1;
    if (wf_str_builder_append_substring(b, s, 0, len) < 0) return -1;
    if (left && width > len && wf_str_builder_append_repeat(b, ' ', width - len) < 0) return -1;
    return 0;
}

static int append_object(WfStrBuilder *b, WfObject *s, wf_ssize width, wf_ssize precision, bool left) {
    if (!s) return -1;
    int r = append_padded(b, s, width, precision, left);
    wf_decref(s);
    return r;
}

WfObject *wf_str_from_format_v(const char *fmt, va_list vargs) {
    WfStrBuilder b;
    wf_str_builder_init(&b);
    va_list ap;
    va_copy(ap, vargs);
    const char *p = fmt;
    while (*p) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%') q++;
            // Literal text of the format is UTF-8 (usually ASCII).
            if (wf_str_builder_append_utf8(&b, p, q - p) < 0) goto fail;
            p = q;
            continue;
        }
        const char *spec = p++;
        if (*p == '%') {
            if (wf_str_builder_append_char(&b, '%') < 0) goto fail;
            p++;
            continue;
        }
        bool left = false, zero = false;
        for (;; p++) {
            if (*p == '-') left = true;
            else if (*p == '0') zero = true;
            else break;
        }
        wf_ssize width = -1, precision = -1;
        if (*p == '*') {
            width = va_arg(ap, int);
            p++;
        } else if (*p >= '0' && *p <= '9') {
            width = 0;
            while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
        }
        if (*p == '.') {
            p++;
            precision = 0;
            if (*p == '*') {
                precision = va_arg(ap, int);
                p++;
            } else {
                while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
            }
        }
        int longflag = 0;  // 1 l, 2 ll, 3 z, 4 j, 5 t
        if (p[0] == 'l' && p[1] == 'l') { longflag = 2; p += 2; }
        else if (*p == 'l') { longflag = 1; p++; }
        else if (*p == 'z') { longflag = 3; p++; }
        else if (*p == 'j') { longflag = 4; p++; }
        else if (*p == 't') { longflag = 5; p++; }
        char conv = *p;
        if (conv) p++;
        char num[64];
        switch (conv) {
        case 'c': {
            int cp = va_arg(ap, int);
            if (cp < 0 || cp > 0x10ffff) {
                wf_err_set_string(&wf_exc_OverflowError, "character argument not in range(0x110000)");
                goto fail;
            }
            WfObject *s = wf_str_from_char((uint32_t)cp);
            if (append_object(&b, s, width, -1, left) < 0) goto fail;
            break;
        }
        case 'd': case 'i': case 'u': case 'x': {
            bool is_unsigned = conv == 'u' || conv == 'x';
            unsigned long long uv = 0;
            long long sv = 0;
            if (is_unsigned) {
                switch (longflag) {
                case 1: uv = va_arg(ap, unsigned long); break;
                case 2: uv = va_arg(ap, unsigned long long); break;
                case 3: uv = va_arg(ap, size_t); break;
                case 4: uv = va_arg(ap, uintmax_t); break;
                case 5: uv = (unsigned long long)va_arg(ap, ptrdiff_t); break;
                default: uv = va_arg(ap, unsigned int); break;
                }
            } else {
                switch (longflag) {
                case 1: sv = va_arg(ap, long); break;
                case 2: sv = va_arg(ap, long long); break;
                case 3: sv = va_arg(ap, ptrdiff_t); break;
                case 4: sv = va_arg(ap, intmax_t); break;
                case 5: sv = va_arg(ap, ptrdiff_t); break;
                default: sv = va_arg(ap, int); break;
                }
            }
            char digits[32];
            bool neg = false;
            int nd;
            if (conv == 'x') nd = snprintf(digits, sizeof digits, "%llx", uv);
            else if (is_unsigned) nd = snprintf(digits, sizeof digits, "%llu", uv);
            else {
                neg = sv < 0;
                nd = snprintf(digits, sizeof digits, "%llu", neg ? 0ULL - (unsigned long long)sv : (unsigned long long)sv);
            }
            int n = 0;
            if (neg) num[n++] = '-';
            wf_ssize prec = precision;
            if (zero && !left && width > 0 && prec < 0) prec = width - (neg ? 1 : 0);
            for (wf_ssize k = nd; k < prec && n < 40; k++) num[n++] = '0';
            memcpy(num + n, digits, (size_t)nd);
            n += nd;
            WfObject *s = wf_str_from_ascii(num, n);
            if (append_object(&b, s, width, -1, left) < 0) goto fail;
            break;
        }
        case 'p': {
            void *ptr = va_arg(ap, void *);
            int n = snprintf(num, sizeof num, "%p", ptr);
            if (n < 2 || num[1] != 'x') n = snprintf(num, sizeof num, "0x%llx", (unsigned long long)(uintptr_t)ptr);
            WfObject *s = wf_str_from_ascii(num, n);
            if (append_object(&b, s, width, -1, left) < 0) goto fail;
            break;
        }
        case 's': {
            const char *cs = va_arg(ap, const char *);
            if (!cs) cs = "(null)";
            size_t n = 0;
            if (precision < 0) n = strlen(cs);
            else while ((wf_ssize)n < precision && cs[n]) n++;
            WfObject *s = wf_codecs_utf8_decode(cs, (wf_ssize)n, "replace", NULL);
            if (append_object(&b, s, width, -1, left) < 0) goto fail;
            break;
        }
        case 'U': {
            WfObject *o = va_arg(ap, WfObject *);
            if (append_padded(&b, o, width, precision, left) < 0) goto fail;
            break;
        }
        case 'S': case 'R': case 'A': {
            WfObject *o = va_arg(ap, WfObject *);
            WfObject *s = conv == 'S' ? wf_object_str(o) : conv == 'R' ? wf_object_repr(o) : wf_object_ascii(o);
            if (append_object(&b, s, width, precision, left) < 0) goto fail;
            break;
        }
        case 'T': case 'N': {
            WfObject *o = va_arg(ap, WfObject *);
            WfTypeObject *t = conv == 'T' ? wf_type_of(o) : (WfTypeObject *)o;
            const char *name = type_name(t);
            WfObject *s = wf_codecs_utf8_decode(name, (wf_ssize)strlen(name), "replace", NULL);
            if (append_object(&b, s, width, precision, left) < 0) goto fail;
            break;
        }
        default:
            // Unknown code: copy the rest of the format verbatim (as CPython).
            if (wf_str_builder_append_utf8(&b, spec, (wf_ssize)strlen(spec)) < 0) goto fail;
            p = spec + strlen(spec);
            break;
        }
    }
    va_end(ap);
    return wf_str_builder_finish(&b);
fail:
    va_end(ap);
    wf_str_builder_discard(&b);
    return NULL;
}

WfObject *wf_str_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    WfObject *r = wf_str_from_format_v(fmt, ap);
    va_end(ap);
    return r;
}
