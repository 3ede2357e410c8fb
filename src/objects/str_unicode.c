// str_unicode.c — case mapping of single code points: utf8proc's simple
// mappings, overridden by the generated table of full (SpecialCasing /
// CaseFolding) mappings where CPython's result differs.
// Invariant: wf_unicode_special is sorted by code point (generator output).
#include <utf8proc.h>

#include "objects/str_unicode.h"

static const WfUnicodeSpecial *find_special(uint32_t cp) {
    if (!(wf_unicode_record(cp)->flags & WF_UC_SPECIAL_CASE)) return NULL;
    int lo = 0, hi = wf_unicode_special_count - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        uint32_t m = wf_unicode_special[mid].cp;
        if (m == cp) return &wf_unicode_special[mid];
        if (m < cp) lo = mid + 1; else hi = mid - 1;
    }
    return NULL;
}

static int copy_mapping(const uint32_t src[3], uint32_t out[3]) {
    int n = 0;
    while (n < 3 && src[n]) { out[n] = src[n]; n++; }
    return n;
}

uint32_t wf_unicode_to_upper(uint32_t cp) {
    if (cp < 128) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}

uint32_t wf_unicode_to_lower(uint32_t cp) {
    if (cp < 128) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

int wf_unicode_to_upper_full(uint32_t cp, uint32_t out[3]) {
    const WfUnicodeSpecial *sp = find_special(cp);
    if (sp && (sp->has & 1)) return copy_mapping(sp->upper, out);
    out[0] = wf_unicode_to_upper(cp);
    return 1;
}

int wf_unicode_to_lower_full(uint32_t cp, uint32_t out[3]) {
    const WfUnicodeSpecial *sp = find_special(cp);
    if (sp && (sp->has & 2)) return copy_mapping(sp->lower, out);
    out[0] = wf_unicode_to_lower(cp);
    return 1;
}

int wf_unicode_to_title_full(uint32_t cp, uint32_t out[3]) {
    const WfUnicodeSpecial *sp = find_special(cp);
    if (sp && (sp->has & 4)) return copy_mapping(sp->title, out);
    if (cp < 128) { out[0] = wf_unicode_to_upper(cp); return 1; }
    out[0] = (uint32_t)utf8proc_totitle((utf8proc_int32_t)cp);
    return 1;
}

// casefold = full lowercase except where CaseFolding.txt says otherwise.
int wf_unicode_to_folded_full(uint32_t cp, uint32_t out[3]) {
    const WfUnicodeSpecial *sp = find_special(cp);
    if (sp && (sp->has & 8)) return copy_mapping(sp->fold, out);
    return wf_unicode_to_lower_full(cp, out);
}
