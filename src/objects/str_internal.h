// str_internal.h — helpers shared by the files of the strings area (str_*.c,
// bytes*.c, codecs.c). Not for use outside src/objects/{str,bytes,codecs}*.
#ifndef WF_STR_INTERNAL_H
#define WF_STR_INTERNAL_H

#include "objects/bytes.h"
#include "objects/str.h"

WF_INLINE WfStrObject *wf_str_obj(WfObject *o) { return (WfStrObject *)o; }
WF_INLINE int wf_str_kind_for(uint32_t maxchar) { return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4; }
WF_INLINE void wf_str_write(int kind, void *data, wf_ssize i, uint32_t cp) {
    if (kind == 1) ((uint8_t *)data)[i] = (uint8_t)cp;
    else if (kind == 2) ((uint16_t *)data)[i] = (uint16_t)cp;
    else ((uint32_t *)data)[i] = cp;
}
// Copies len code points from kind `skind` to kind `dkind` (dkind wide
// enough for the values actually present).
WF_INLINE void wf_str_copy_convert(int dkind, void *dst, int skind, const void *src, wf_ssize len) {
    if (dkind == skind) {
        size_t n = (size_t)(len * skind);
        char *d = dst;
        const char *s = src;
        // Short pieces (most of what formatting copies) without a call:
        // two overlapping fixed-size moves cover 4..16 bytes.
        if (n > 16) {
            memcpy(d, s, n);
        } else if (n >= 8) {
            uint64_t a, b;
            memcpy(&a, s, 8);
            memcpy(&b, s + n - 8, 8);
            memcpy(d, &a, 8);
            memcpy(d + n - 8, &b, 8);
        } else if (n >= 4) {
            uint32_t a, b;
            memcpy(&a, s, 4);
            memcpy(&b, s + n - 4, 4);
            memcpy(d, &a, 4);
            memcpy(d + n - 4, &b, 4);
        } else if (n) {
            d[0] = s[0];
            d[n / 2] = s[n / 2];
            d[n - 1] = s[n - 1];
        }
    } else if (dkind == 2 && skind == 1) {
        for (wf_ssize i = 0; i < len; i++) ((uint16_t *)dst)[i] = ((const uint8_t *)src)[i];
    } else if (dkind == 4 && skind == 1) {
        for (wf_ssize i = 0; i < len; i++) ((uint32_t *)dst)[i] = ((const uint8_t *)src)[i];
    } else if (dkind == 4 && skind == 2) {
        for (wf_ssize i = 0; i < len; i++) ((uint32_t *)dst)[i] = ((const uint16_t *)src)[i];
    } else if (dkind == 1 && skind == 4) {  // narrowing: the caller knows the values fit
        for (wf_ssize i = 0; i < len; i++) ((uint8_t *)dst)[i] = (uint8_t)((const uint32_t *)src)[i];
    } else if (dkind == 2 && skind == 4) {
        for (wf_ssize i = 0; i < len; i++) ((uint16_t *)dst)[i] = (uint16_t)((const uint32_t *)src)[i];
    } else {
        for (wf_ssize i = 0; i < len; i++) wf_str_write(dkind, dst, i, wf_str_read(skind, src, i));
    }
}

// Largest code point a string of this kind/asciiness may hold (an upper bound).
WF_INLINE uint32_t wf_str_max_char_bound(WfObject *s) {
    WfStrObject *o = wf_str_obj(s);
    return o->ascii ? 0x7f : o->kind == 1 ? 0xff : o->kind == 2 ? 0xffff : 0x10ffff;
}

// str.c
WF_INLINE WfStrWideObject *wf_str_wide(WfObject *o) { return (WfStrWideObject *)o; }  // non-ASCII only
// Bytes of an exact str's block: the header of its layout, then length + 1 code units.
WF_INLINE size_t wf_str_block_size(wf_ssize length, int kind, bool ascii) {
    return wf_str_header_size(ascii) + (size_t)(length + 1) * (size_t)kind;
}
// Fills in the str fields (length, kind, ascii, caches, NUL) of a block whose
// object header is initialized; maxchar: exact, or a bound of the same kind
// and asciiness. The code points are the caller's to write.
void wf_str_init_fields(WfObject *o, wf_ssize length, uint32_t maxchar);
WfObject *wf_str_from_kind_data(int kind, const void *data, wf_ssize len);  // narrows as needed
// UCS-4 data whose exact maximum code point is known.
WfObject *wf_str_from_ucs4_maxchar(const uint32_t *data, wf_ssize len, uint32_t maxchar);
WfObject *wf_str_from_latin1(const char *s, wf_ssize len);
WfObject *wf_str_from_ascii(const char *s, wf_ssize len);                    // caller guarantees < 128
uint32_t wf_str_max_char(int kind, const void *data, wf_ssize len);          // exact maximum
WfObject *wf_str_exact_copy(WfObject *s);   // exact str with the same text (new ref; s itself if exact)
WfObject *wf_str_repeat(WfObject *s, wf_ssize n);
// Read a UCS-4 copy of s[start:end] into a wf_mem_malloc'd buffer (NULL + MemoryError).
uint32_t *wf_str_as_ucs4_copy(WfObject *s);

// str_search.c: searching in kind-wide data. The needle is given as a str;
// returns the index or -1. start/end already clamped to [0, len(hay)].
wf_ssize wf_str_search_find(WfObject *hay, WfObject *needle, wf_ssize start, wf_ssize end, int direction);
wf_ssize wf_str_search_count(WfObject *hay, WfObject *needle, wf_ssize start, wf_ssize end, wf_ssize maxcount);
// Lower level: search kind-wide data for a needle of the same kind.
wf_ssize wf_str_search_find_raw(int kind, const char *hay, wf_ssize start, wf_ssize end, const char *needle,
                                wf_ssize nlen, int direction);
// The needle's code points in the haystack's kind: its own data, or a
// wf_mem_malloc'd copy returned in *tmp (free it). NULL when the needle is
// wider than the haystack (cannot occur; *err false) or on MemoryError (*err true).
const char *wf_str_search_needle_as(WfObject *hay, WfObject *needle, char **tmp, bool *err);
// Byte-string versions (bytes and bytearray).
wf_ssize wf_bytes_search_find(const char *hay, wf_ssize start, wf_ssize end, const char *needle, wf_ssize nlen, int direction);
wf_ssize wf_bytes_search_count(const char *hay, wf_ssize start, wf_ssize end, const char *needle, wf_ssize nlen, wf_ssize maxcount);
// CPython's ADJUST_INDICES for (start, end) against len.
WF_INLINE void wf_adjust_indices(wf_ssize *start, wf_ssize *end, wf_ssize len) {
    if (*end > len) *end = len;
    else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
}
// Parse the optional start/end arguments of find/count/... (None or index);
// 0 ok, -1 error. Arguments absent (NULL) leave the defaults.
int wf_str_parse_slice_index(WfObject *o, wf_ssize *out);

// str_builder.c
int wf_str_builder_append_kind_data(WfStrBuilder *b, int kind, const void *data, wf_ssize len);
int wf_str_builder_append_ascii_n(WfStrBuilder *b, const char *s, wf_ssize len);  // caller guarantees < 128
int wf_str_builder_append_substring(WfStrBuilder *b, WfObject *s, wf_ssize start, wf_ssize end);
int wf_str_builder_append_repeat(WfStrBuilder *b, uint32_t cp, wf_ssize n);

// Decimal digits of x into buf (>= 20 bytes, not NUL-terminated); returns the count.
WF_INLINE int wf_str_u64_decimal(uint64_t x, char *buf) {
    static const char pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                   "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                   "8081828384858687888990919293949596979899";
    char tmp[20];
    int p = 20;
    while (x >= 100) {  // two digits per division
        unsigned r = (unsigned)(x % 100);
        x /= 100;
        tmp[--p] = pairs[2 * r + 1];
        tmp[--p] = pairs[2 * r];
    }
    if (x >= 10) {
        tmp[--p] = pairs[2 * x + 1];
        tmp[--p] = pairs[2 * x];
    } else {
        tmp[--p] = (char)('0' + x);
    }
    memcpy(buf, tmp + p, (size_t)(20 - p));
    return 20 - p;
}

// str_format.c
// |v| in fixed point with `prec` digits after the point ("123.450"; no point
// when prec is 0), correctly rounded half to even, exactly as dtoa mode 3
// (and so '%.*f' and format(v, '.*f')). Writes a NUL-terminated string of at
// most WF_FIXED_BUF_SIZE bytes and returns its length, or returns -1 when the
// fast path does not apply (v not finite, prec > 17, or |v| * 10**prec too
// large for 63 bits): use wf_float_to_string then. *is_zero: all digits are 0.
#define WF_FIXED_BUF_SIZE 40
int wf_format_fixed_digits(double v, int prec, char *buf, bool *is_zero);

// str_repr.c
bool wf_str_char_is_printable(uint32_t cp);

// codecs.c
// Decodes UTF-8 with an error handler ("strict", "replace", "ignore",
// "surrogateescape", "surrogatepass", "backslashreplace"). `errobj` is the
// bytes object errors report (may be NULL: created from s on demand).
WfObject *wf_codecs_utf8_decode(const char *s, wf_ssize len, const char *errors, WfObject *errobj);
WfObject *wf_codecs_utf8_encode(WfObject *str, const char *errors);
// Strict UTF-8 of str as a NUL-terminated wf_mem_malloc'd buffer (NULL +
// UnicodeEncodeError on surrogates).
char *wf_codecs_utf8_encode_raw(WfObject *str, wf_ssize *len);
// UnicodeEncodeError('utf-8', str, start, end, reason) etc.
void wf_codecs_raise_encode_error(const char *encoding, WfObject *str, wf_ssize start, wf_ssize end, const char *reason);
void wf_codecs_raise_decode_error(const char *encoding, const char *s, wf_ssize len, WfObject *errobj,
                                  wf_ssize start, wf_ssize end, const char *reason);

// Methods implemented in str_search.c, str_split.c, str_case.c and listed in
// str_methods.c's table.
#define WF_STR_FAST_METHODS(X) X(find) X(rfind) X(index) X(rindex) X(count) X(startswith) X(endswith) \
    X(replace) X(strip) X(lstrip) X(rstrip)
#define WF_STR_FASTKW_METHODS(X) X(split) X(rsplit) X(splitlines)
#define WF_STR_O_METHODS(X) X(partition) X(rpartition) X(join)
#define WF_STR_NOARGS_METHODS(X) X(lower) X(upper) X(casefold) X(swapcase) X(capitalize) X(title) \
    X(isalpha) X(isdecimal) X(isdigit) X(isnumeric) X(isalnum) X(isspace) X(isprintable) X(isascii) \
    X(isupper) X(islower) X(istitle) X(isidentifier)
#define WF_STR_DECL_FAST(n) WfObject *wf_str_method_##n(WfObject *self, WfObject *const *args, size_t nargs);
#define WF_STR_DECL_FASTKW(n) WfObject *wf_str_method_##n(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);
#define WF_STR_DECL_O(n) WfObject *wf_str_method_##n(WfObject *self, WfObject *arg);
WF_STR_FAST_METHODS(WF_STR_DECL_FAST)
WF_STR_FASTKW_METHODS(WF_STR_DECL_FASTKW)
WF_STR_O_METHODS(WF_STR_DECL_O)
WF_STR_NOARGS_METHODS(WF_STR_DECL_O)
#undef WF_STR_DECL_FAST
#undef WF_STR_DECL_FASTKW
#undef WF_STR_DECL_O
WfObject *wf_str_replace(WfObject *self, WfObject *old, WfObject *new_, wf_ssize maxcount);

// str_methods.c / bytes_methods.c tables.
extern const WfMethodDef wf_str_methods[];
extern const WfMethodDef wf_bytes_methods[];

// bytes.c helpers shared with bytearray.c.
// Shortens an exact bytes object just made by wf_bytes_from_data(NULL, n)
// that nobody else has seen (its block may move); returns it (steals b).
WfObject *wf_bytes_shrink_fresh(WfObject *b, wf_ssize len);
char *wf_bytes_collect(WfObject *o, wf_ssize *len, const char *ctor);   // int / bytes-like / iterable of ints
char *wf_bytes_ctor_args(const char *name, WfObject *const *args, size_t nargs, WfObject *kwnames, wf_ssize *len,
                         bool allow_dunder_bytes);                       // (source, encoding, errors)
WfObject *wf_bytes_richcompare_data(WfObject *a, WfObject *b, int op);
int wf_bytes_contains(WfObject *container, WfObject *item);           // bytes/bytearray `in`
wf_ssize wf_bytes_repeat_count(WfObject *n);                              // -1 error, -2 not an index
char *wf_bytes_repeat_data(const char *d, wf_ssize len, wf_ssize count, wf_ssize *outlen);
WfObject *wf_bytes_percent_format(WfObject *fmt, WfObject *args);        // bytes % args (bytes_percent.c)

// bytes_methods.c: methods shared by bytes and bytearray (the receiver's
// type decides the result type).
#define WF_BYTES_NOARGS_METHODS(X) X(lower) X(upper) X(swapcase) X(capitalize) X(title) X(isalpha) \
    X(isdigit) X(isalnum) X(isspace) X(isascii) X(islower) X(isupper) X(istitle)
#define WF_BYTES_FAST_METHODS(X) X(find) X(rfind) X(index) X(rindex) X(count) X(startswith) X(endswith) \
    X(strip) X(lstrip) X(rstrip) X(replace) X(center) X(ljust) X(rjust) X(maketrans)
#define WF_BYTES_FASTKW_METHODS(X) X(split) X(rsplit) X(splitlines) X(expandtabs) X(hex) X(translate) X(decode)
#define WF_BYTES_O_METHODS(X) X(join) X(partition) X(rpartition) X(removeprefix) X(removesuffix) X(zfill) X(fromhex)
#define WF_BYTES_DECL_O(n) WfObject *wf_bytes_method_##n(WfObject *self, WfObject *arg);
#define WF_BYTES_DECL_FAST(n) WfObject *wf_bytes_method_##n(WfObject *self, WfObject *const *args, size_t nargs);
#define WF_BYTES_DECL_FASTKW(n) \
    WfObject *wf_bytes_method_##n(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);
WF_BYTES_NOARGS_METHODS(WF_BYTES_DECL_O)
WF_BYTES_O_METHODS(WF_BYTES_DECL_O)
WF_BYTES_FAST_METHODS(WF_BYTES_DECL_FAST)
WF_BYTES_FASTKW_METHODS(WF_BYTES_DECL_FASTKW)
#undef WF_BYTES_DECL_O
#undef WF_BYTES_DECL_FAST
#undef WF_BYTES_DECL_FASTKW

// The shared entries of the bytes and bytearray method tables; FN(name)
// names the C function (bytearray wraps each one in its critical section).
#define WF_BYTES_METHOD_FN(name) wf_bytes_method_##name
#define WF_BYTES_SHARED_METHODS(FN) \
    WF_METHOD("capitalize", FN(capitalize), WF_METH_NOARGS, \
              "B.capitalize() -> copy of B\n\nReturn a copy of B with only its first character capitalized (ASCII)\nand the rest lower-cased."), \
    WF_METHOD("center", FN(center), WF_METH_FASTCALL, \
              "center($self, width, fillchar=b' ', /)\n--\n\nReturn a centered string of length width."), \
    WF_METHOD("count", FN(count), WF_METH_FASTCALL, \
              "B.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of subsection sub in\nbytes B[start:end]."), \
    WF_METHOD("decode", FN(decode), WF_METH_FASTCALL | WF_METH_KEYWORDS, \
              "decode($self, /, encoding='utf-8', errors='strict')\n--\n\nDecode the bytes using the codec registered for encoding."), \
    WF_METHOD("endswith", FN(endswith), WF_METH_FASTCALL, \
              "B.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if B ends with the specified suffix, False otherwise."), \
    WF_METHOD("expandtabs", FN(expandtabs), WF_METH_FASTCALL | WF_METH_KEYWORDS, \
              "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces."), \
    WF_METHOD("find", FN(find), WF_METH_FASTCALL, \
              "B.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found."), \
    WF_METHOD("fromhex", FN(fromhex), WF_METH_O | WF_METH_CLASS, \
              "fromhex($type, string, /)\n--\n\nCreate a bytes object from a string of hexadecimal numbers."), \
    WF_METHOD("hex", FN(hex), WF_METH_FASTCALL | WF_METH_KEYWORDS, \
              "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nCreate a string of hexadecimal numbers from a bytes object."), \
    WF_METHOD("index", FN(index), WF_METH_FASTCALL, \
              "B.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found."), \
    WF_METHOD("isalnum", FN(isalnum), WF_METH_NOARGS, \
              "B.isalnum() -> bool\n\nReturn True if all characters in B are alphanumeric\nand there is at least one character in B, False otherwise."), \
    WF_METHOD("isalpha", FN(isalpha), WF_METH_NOARGS, \
              "B.isalpha() -> bool\n\nReturn True if all characters in B are alphabetic\nand there is at least one character in B, False otherwise."), \
    WF_METHOD("isascii", FN(isascii), WF_METH_NOARGS, \
              "B.isascii() -> bool\n\nReturn True if B is empty or all characters in B are ASCII,\nFalse otherwise."), \
    WF_METHOD("isdigit", FN(isdigit), WF_METH_NOARGS, \
              "B.isdigit() -> bool\n\nReturn True if all characters in B are digits\nand there is at least one character in B, False otherwise."), \
    WF_METHOD("islower", FN(islower), WF_METH_NOARGS, \
              "B.islower() -> bool\n\nReturn True if all cased characters in B are lowercase and there is\nat least one cased character in B, False otherwise."), \
    WF_METHOD("isspace", FN(isspace), WF_METH_NOARGS, \
              "B.isspace() -> bool\n\nReturn True if all characters in B are whitespace\nand there is at least one character in B, False otherwise."), \
    WF_METHOD("istitle", FN(istitle), WF_METH_NOARGS, \
              "B.istitle() -> bool\n\nReturn True if B is a titlecased string and there is at least one\ncharacter in B, i.e. uppercase characters may only follow uncased\ncharacters and lowercase characters only cased ones. Return False\notherwise."), \
    WF_METHOD("isupper", FN(isupper), WF_METH_NOARGS, \
              "B.isupper() -> bool\n\nReturn True if all cased characters in B are uppercase and there is\nat least one cased character in B, False otherwise."), \
    WF_METHOD("join", FN(join), WF_METH_O, \
              "join($self, iterable_of_bytes, /)\n--\n\nConcatenate any number of bytes objects."), \
    WF_METHOD("ljust", FN(ljust), WF_METH_FASTCALL, \
              "ljust($self, width, fillchar=b' ', /)\n--\n\nReturn a left-justified string of length width."), \
    WF_METHOD("lower", FN(lower), WF_METH_NOARGS, \
              "B.lower() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to lowercase."), \
    WF_METHOD("lstrip", FN(lstrip), WF_METH_FASTCALL, \
              "lstrip($self, bytes=None, /)\n--\n\nStrip leading bytes contained in the argument."), \
    WF_METHOD("maketrans", FN(maketrans), WF_METH_FASTCALL | WF_METH_STATIC, \
              "maketrans(frm, to, /)\n--\n\nReturn a translation table useable for the bytes or bytearray translate method."), \
    WF_METHOD("partition", FN(partition), WF_METH_O, \
              "partition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator."), \
    WF_METHOD("removeprefix", FN(removeprefix), WF_METH_O, \
              "removeprefix($self, prefix, /)\n--\n\nReturn a bytes object with the given prefix string removed if present."), \
    WF_METHOD("removesuffix", FN(removesuffix), WF_METH_O, \
              "removesuffix($self, suffix, /)\n--\n\nReturn a bytes object with the given suffix string removed if present."), \
    WF_METHOD("replace", FN(replace), WF_METH_FASTCALL, \
              "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new."), \
    WF_METHOD("rfind", FN(rfind), WF_METH_FASTCALL, \
              "B.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found."), \
    WF_METHOD("rindex", FN(rindex), WF_METH_FASTCALL, \
              "B.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found."), \
    WF_METHOD("rjust", FN(rjust), WF_METH_FASTCALL, \
              "rjust($self, width, fillchar=b' ', /)\n--\n\nReturn a right-justified string of length width."), \
    WF_METHOD("rpartition", FN(rpartition), WF_METH_O, \
              "rpartition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator."), \
    WF_METHOD("rsplit", FN(rsplit), WF_METH_FASTCALL | WF_METH_KEYWORDS, \
              "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter."), \
    WF_METHOD("rstrip", FN(rstrip), WF_METH_FASTCALL, \
              "rstrip($self, bytes=None, /)\n--\n\nStrip trailing bytes contained in the argument."), \
    WF_METHOD("split", FN(split), WF_METH_FASTCALL | WF_METH_KEYWORDS, \
              "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter."), \
    WF_METHOD("splitlines", FN(splitlines), WF_METH_FASTCALL | WF_METH_KEYWORDS, \
              "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the bytes, breaking at line boundaries."), \
    WF_METHOD("startswith", FN(startswith), WF_METH_FASTCALL, \
              "B.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if B starts with the specified prefix, False otherwise."), \
    WF_METHOD("strip", FN(strip), WF_METH_FASTCALL, \
              "strip($self, bytes=None, /)\n--\n\nStrip leading and trailing bytes contained in the argument."), \
    WF_METHOD("swapcase", FN(swapcase), WF_METH_NOARGS, \
              "B.swapcase() -> copy of B\n\nReturn a copy of B with uppercase ASCII characters converted\nto lowercase ASCII and vice versa."), \
    WF_METHOD("title", FN(title), WF_METH_NOARGS, \
              "B.title() -> copy of B\n\nReturn a titlecased version of B, i.e. ASCII words start with uppercase\ncharacters, all remaining cased characters have lowercase."), \
    WF_METHOD("translate", FN(translate), WF_METH_FASTCALL | WF_METH_KEYWORDS, \
              "translate($self, table, /, delete=b'')\n--\n\nReturn a copy with each character mapped by the given translation table."), \
    WF_METHOD("upper", FN(upper), WF_METH_NOARGS, \
              "B.upper() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to uppercase."), \
    WF_METHOD("zfill", FN(zfill), WF_METH_O, \
              "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.")

#endif
