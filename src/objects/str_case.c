// str_case.c — case mapping (lower, upper, casefold, swapcase, capitalize,
// title) and the classification predicates (isalpha, isdigit, ...), with
// CPython's full mappings and its final-sigma rule.
//
// Invariant: each method reads `self` (immutable) once and builds a fresh
// string; the per-character properties come from str_unicode.h.
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Case mapping

static bool is_cased(uint32_t c) { return wf_unicode_has(c, WF_UC_CASED); }
static bool is_case_ignorable(uint32_t c) { return wf_unicode_has(c, WF_UC_CASE_IGNORABLE); }
static bool is_upper(uint32_t c) { return wf_unicode_has(c, WF_UC_UPPER); }
static bool is_lower(uint32_t c) { return wf_unicode_has(c, WF_UC_LOWER); }
static bool is_title(uint32_t c) { return wf_unicode_has(c, WF_UC_TITLE); }

// U+03A3 lowercases to final sigma when preceded by a cased letter and not
// followed by one (case-ignorable characters skipped both ways).
static uint32_t handle_capital_sigma(int kind, const void *data, wf_ssize length, wf_ssize i) {
    wf_ssize j;
    uint32_t c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = wf_str_read(kind, data, j);
        if (!is_case_ignorable(c)) break;
    }
    bool final_sigma = j >= 0 && is_cased(c);
    if (final_sigma && i + 1 < length) {
        for (j = i + 1; j < length; j++) {
            c = wf_str_read(kind, data, j);
            if (!is_case_ignorable(c)) break;
        }
        final_sigma = j == length || !is_cased(c);
    }
    return final_sigma ? 0x3c2 : 0x3c3;
}

static int lower_ucs4(int kind, const void *data, wf_ssize length, wf_ssize i, uint32_t c, uint32_t mapped[3]) {
    if (c == 0x3a3) {
        mapped[0] = handle_capital_sigma(kind, data, length, i);
        return 1;
    }
    return wf_unicode_to_lower_full(c, mapped);
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE };

static WfObject *ascii_case(WfObject *self, int op) {
    wf_ssize n = wf_str_length(self);
    const uint8_t *src = wf_str_data(self);
    WfObject *r = wf_str_new_raw(n, 0x7f);
    if (!r || n == 0) return r;
    uint8_t *dst = wf_str_data(r);
    // lower/casefold/upper: branch-free loops the compiler vectorizes.
    if (op == CASE_LOWER || op == CASE_FOLD || op == CASE_UPPER) {
        // Eight ASCII bytes at a time: a byte b (< 0x80) is in [lo, lo + 26)
        // iff b + (0x80 - lo) has its top bit set and b + (0x80 - lo - 26) has
        // not (no carry crosses bytes); flipping 0x20 changes its case.
        uint8_t lo = op == CASE_UPPER ? 'a' : 'A';
        uint64_t ge = 0x0101010101010101ULL * (uint8_t)(0x80 - lo), gt = 0x0101010101010101ULL * (uint8_t)(0x80 - lo - 26);
        wf_ssize i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, src + i, 8);
            uint64_t in_range = (w + ge) & ~(w + gt) & 0x8080808080808080ULL;
            w ^= in_range >> 2;
            memcpy(dst + i, &w, 8);
        }
        for (; i < n; i++) dst[i] = (uint8_t)(src[i] - lo) < 26 ? src[i] ^ 0x20 : src[i];
        return r;
    }
    bool prev_cased = false;
    for (wf_ssize i = 0; i < n; i++) {
        uint8_t c = src[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        uint8_t m = c;
        switch (op) {
        case CASE_LOWER:
        case CASE_FOLD: if (up) m = c + 32; break;
        case CASE_UPPER: if (lo) m = c - 32; break;
        case CASE_SWAP: m = up ? c + 32 : lo ? c - 32 : c; break;
        case CASE_CAPITALIZE: m = i == 0 ? (lo ? c - 32 : c) : (up ? c + 32 : c); break;
        case CASE_TITLE:
            m = prev_cased ? (up ? c + 32 : c) : (lo ? c - 32 : c);
            prev_cased = up || lo;
            break;
        }
        dst[i] = m;
    }
    return r;
}

static WfObject *map_case(WfObject *self, int op) {
    if (wf_str_obj(self)->ascii) return ascii_case(self, op);
    wf_ssize n = wf_str_length(self);
    int kind = wf_str_kind(self);
    const void *data = wf_str_data(self);
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (wf_str_builder_reserve(&b, n) < 0) return NULL;
    bool prev_cased = false;
    for (wf_ssize i = 0; i < n; i++) {
        uint32_t c = wf_str_read(kind, data, i), mapped[3];
        int k;
        if (c < 128) {
            // ASCII inside non-ASCII text: the mapping is local (no sigma rule applies).
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            uint32_t m = c;
            switch (op) {
            case CASE_LOWER: case CASE_FOLD: if (up) m = c + 32; break;
            case CASE_UPPER: if (lo) m = c - 32; break;
            case CASE_SWAP: m = up ? c + 32 : lo ? c - 32 : c; break;
            case CASE_CAPITALIZE: m = i == 0 ? (lo ? c - 32 : c) : (up ? c + 32 : c); break;
            default:
                m = prev_cased ? (up ? c + 32 : c) : (lo ? c - 32 : c);
                prev_cased = up || lo;
                break;
            }
            if (wf_str_builder_append_char(&b, m) < 0) {
                wf_str_builder_discard(&b);
                return NULL;
            }
            continue;
        }
        switch (op) {
        case CASE_LOWER: k = lower_ucs4(kind, data, n, i, c, mapped); break;
        case CASE_UPPER: k = wf_unicode_to_upper_full(c, mapped); break;
        case CASE_FOLD: k = wf_unicode_to_folded_full(c, mapped); break;
        case CASE_SWAP:
            if (is_upper(c)) k = lower_ucs4(kind, data, n, i, c, mapped);
            else if (is_lower(c)) k = wf_unicode_to_upper_full(c, mapped);
            else { mapped[0] = c; k = 1; }
            break;
        case CASE_CAPITALIZE:
            k = i == 0 ? wf_unicode_to_title_full(c, mapped) : lower_ucs4(kind, data, n, i, c, mapped);
            break;
        default:  // CASE_TITLE
            k = prev_cased ? lower_ucs4(kind, data, n, i, c, mapped) : wf_unicode_to_title_full(c, mapped);
            prev_cased = is_cased(c);
            break;
        }
        for (int j = 0; j < k; j++)
            if (wf_str_builder_append_char(&b, mapped[j]) < 0) {
                wf_str_builder_discard(&b);
                return NULL;
            }
    }
    return wf_str_builder_finish(&b);
}

WfObject *wf_str_method_lower(WfObject *self, WfObject *unused) { return map_case(self, CASE_LOWER); }
WfObject *wf_str_method_upper(WfObject *self, WfObject *unused) { return map_case(self, CASE_UPPER); }
WfObject *wf_str_method_casefold(WfObject *self, WfObject *unused) { return map_case(self, CASE_FOLD); }
WfObject *wf_str_method_swapcase(WfObject *self, WfObject *unused) { return map_case(self, CASE_SWAP); }
WfObject *wf_str_method_capitalize(WfObject *self, WfObject *unused) { return map_case(self, CASE_CAPITALIZE); }
WfObject *wf_str_method_title(WfObject *self, WfObject *unused) { return map_case(self, CASE_TITLE); }

// ---------------------------------------------------------------------------
// Predicates

static WfObject *all_have(WfObject *self, unsigned flags) {
    wf_ssize n = wf_str_length(self);
    if (n == 0) return wf_bool_from(0);
    int kind = wf_str_kind(self);
    const void *data = wf_str_data(self);
    for (wf_ssize i = 0; i < n; i++)
        if (!(wf_unicode_record(wf_str_read(kind, data, i))->flags & flags)) return wf_bool_from(0);
    return wf_bool_from(1);
}

WfObject *wf_str_method_isalpha(WfObject *self, WfObject *unused) { return all_have(self, WF_UC_ALPHA); }
WfObject *wf_str_method_isdecimal(WfObject *self, WfObject *unused) { return all_have(self, WF_UC_DECIMAL); }
WfObject *wf_str_method_isdigit(WfObject *self, WfObject *unused) { return all_have(self, WF_UC_DIGIT); }
WfObject *wf_str_method_isnumeric(WfObject *self, WfObject *unused) { return all_have(self, WF_UC_NUMERIC); }
WfObject *wf_str_method_isalnum(WfObject *self, WfObject *unused) {
    return all_have(self, WF_UC_ALPHA | WF_UC_DECIMAL | WF_UC_DIGIT | WF_UC_NUMERIC);
}

WfObject *wf_str_method_isspace(WfObject *self, WfObject *unused) {
    wf_ssize n = wf_str_length(self);
    if (n == 0) return wf_bool_from(0);
    for (wf_ssize i = 0; i < n; i++)
        if (!wf_unicode_isspace(wf_str_char_at(self, i))) return wf_bool_from(0);
    return wf_bool_from(1);
}

WfObject *wf_str_method_isprintable(WfObject *self, WfObject *unused) {
    wf_ssize n = wf_str_length(self);
    for (wf_ssize i = 0; i < n; i++)
        if (!wf_str_char_is_printable(wf_str_char_at(self, i))) return wf_bool_from(0);
    return wf_bool_from(1);
}

WfObject *wf_str_method_isascii(WfObject *self, WfObject *unused) { return wf_bool_from(wf_str_obj(self)->ascii); }

WfObject *wf_str_method_isupper(WfObject *self, WfObject *unused) {
    wf_ssize n = wf_str_length(self);
    if (n == 1) return wf_bool_from(is_upper(wf_str_char_at(self, 0)));
    bool cased = false;
    for (wf_ssize i = 0; i < n; i++) {
        uint32_t c = wf_str_char_at(self, i);
        if (is_lower(c) || is_title(c)) return wf_bool_from(0);
        if (!cased && is_upper(c)) cased = true;
    }
    return wf_bool_from(cased);
}

WfObject *wf_str_method_islower(WfObject *self, WfObject *unused) {
    wf_ssize n = wf_str_length(self);
    if (n == 1) return wf_bool_from(is_lower(wf_str_char_at(self, 0)));
    bool cased = false;
    for (wf_ssize i = 0; i < n; i++) {
        uint32_t c = wf_str_char_at(self, i);
        if (is_upper(c) || is_title(c)) return wf_bool_from(0);
        if (!cased && is_lower(c)) cased = true;
    }
    return wf_bool_from(cased);
}

WfObject *wf_str_method_istitle(WfObject *self, WfObject *unused) {
    wf_ssize n = wf_str_length(self);
    if (n == 1) {
        uint32_t c = wf_str_char_at(self, 0);
        return wf_bool_from(is_title(c) || is_upper(c));
    }
    bool cased = false, prev_cased = false;
    for (wf_ssize i = 0; i < n; i++) {
        uint32_t c = wf_str_char_at(self, i);
        if (is_upper(c) || is_title(c)) {
            if (prev_cased) return wf_bool_from(0);
            prev_cased = cased = true;
        } else if (is_lower(c)) {
            if (!prev_cased) return wf_bool_from(0);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return wf_bool_from(cased);
}

bool wf_str_is_identifier(WfObject *s) {
    wf_ssize n = wf_str_length(s);
    if (n == 0) return false;
    int kind = wf_str_kind(s);
    const void *data = wf_str_data(s);
    // The XID_START flag includes '_' (it mirrors CPython's isidentifier()).
    if (!wf_unicode_has(wf_str_read(kind, data, 0), WF_UC_XID_START)) return false;
    for (wf_ssize i = 1; i < n; i++)
        if (!wf_unicode_has(wf_str_read(kind, data, i), WF_UC_XID_CONTINUE)) return false;
    return true;
}

WfObject *wf_str_method_isidentifier(WfObject *self, WfObject *unused) {
    return wf_bool_from(wf_str_is_identifier(self));
}
