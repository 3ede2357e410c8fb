// str_unicode.h — Unicode character database used by str (internal to the
// strings area). Classification comes from tables generated from CPython's
// unicodedata (tools/gen_unicode_db.py → str_unicode_db.c); simple case
// mappings from utf8proc, with the generated exceptions for full mappings.
#ifndef WF_STR_UNICODE_H
#define WF_STR_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

enum {
    WF_UC_ALPHA = 1 << 0,
    WF_UC_DECIMAL = 1 << 1,
    WF_UC_DIGIT = 1 << 2,
    WF_UC_NUMERIC = 1 << 3,
    WF_UC_LOWER = 1 << 4,
    WF_UC_UPPER = 1 << 5,
    WF_UC_TITLE = 1 << 6,
    WF_UC_CASED = 1 << 7,
    WF_UC_CASE_IGNORABLE = 1 << 8,
    WF_UC_SPACE = 1 << 9,
    WF_UC_PRINTABLE = 1 << 10,
    WF_UC_XID_START = 1 << 11,
    WF_UC_XID_CONTINUE = 1 << 12,
    WF_UC_LINEBREAK = 1 << 13,
    WF_UC_SPECIAL_CASE = 1 << 14,
};

typedef struct {
    uint16_t flags;
    uint8_t decimal;  // 255: none
    uint8_t digit;    // 255: none
} WfUnicodeRecord;

typedef struct {
    uint32_t cp;
    uint8_t has;        // 1 upper, 2 lower, 4 title, 8 fold
    uint32_t upper[3], lower[3], title[3], fold[3];  // NUL-padded
} WfUnicodeSpecial;

extern const WfUnicodeRecord wf_unicode_records[];
extern const uint16_t wf_unicode_index1[];
extern const uint8_t wf_unicode_index2[];
extern const WfUnicodeSpecial wf_unicode_special[];
extern const int wf_unicode_special_count;

#define WF_UNICODE_SHIFT 7

static inline const WfUnicodeRecord *wf_unicode_record(uint32_t cp) {
    if (cp >= 0x110000) cp = 0xFFFF;  // unassigned noncharacter: no properties
    unsigned block = wf_unicode_index1[cp >> WF_UNICODE_SHIFT];
    return &wf_unicode_records[wf_unicode_index2[(block << WF_UNICODE_SHIFT) + (cp & ((1u << WF_UNICODE_SHIFT) - 1))]];
}
static inline bool wf_unicode_has(uint32_t cp, unsigned flag) {
    return (wf_unicode_record(cp)->flags & flag) != 0;
}
static inline bool wf_unicode_isspace(uint32_t cp) {
    if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return wf_unicode_has(cp, WF_UC_SPACE);
}
static inline bool wf_unicode_islinebreak(uint32_t cp) {
    return cp == '\n' || cp == '\r' || cp == 0x0b || cp == 0x0c || cp == 0x1c || cp == 0x1d ||
           cp == 0x1e || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}
// Decimal digit value (str.isdecimal chars) or -1.
static inline int wf_unicode_decimal(uint32_t cp) {
    if (cp < 128) return (cp >= '0' && cp <= '9') ? (int)(cp - '0') : -1;
    uint8_t d = wf_unicode_record(cp)->decimal;
    return d == 255 ? -1 : d;
}
static inline int wf_unicode_digit(uint32_t cp) {
    uint8_t d = wf_unicode_record(cp)->digit;
    return d == 255 ? -1 : d;
}

// Full case mappings: write up to 3 code points into out, return the count.
int wf_unicode_to_upper_full(uint32_t cp, uint32_t out[3]);
int wf_unicode_to_lower_full(uint32_t cp, uint32_t out[3]);
int wf_unicode_to_title_full(uint32_t cp, uint32_t out[3]);
int wf_unicode_to_folded_full(uint32_t cp, uint32_t out[3]);
// Simple mappings (one code point).
uint32_t wf_unicode_to_upper(uint32_t cp);
uint32_t wf_unicode_to_lower(uint32_t cp);

#endif
