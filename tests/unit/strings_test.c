// strings_test.c — C API tests of the strings area (objects/str*.c, hash.c,
// codecs.c, bytes*.c, identifiers.c): SipHash-1-3 values against CPython
// under PYTHONHASHSEED=0 and =123, PEP 393 kinds, UTF-8 round trips and
// codec errors, wf_str_from_format codes, the format-spec mini-language,
// %-formatting, repr, interning. Links the whole runtime (every object but
// runtime/main.o) and starts it with hash seed 0.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"

static int failures, checks;
#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

// Compares a new str reference with UTF-8 text (consumes s).
static int str_is(WfObject *s, const char *expected) {
    if (!s) {
        WfObject *e = wf_err_fetch();
        WfObject *m = e ? wf_object_str(e) : NULL;
        fprintf(stderr, "  error instead of '%s': %s\n", expected, m ? wf_str_as_utf8_borrow(m) : "?");
        wf_xdecref(m);
        wf_xdecref(e);
        return 0;
    }
    wf_ssize n;
    const char *u = wf_str_as_utf8(s, &n);
    int ok = u && (size_t)n == strlen(expected) && memcmp(u, expected, (size_t)n) == 0;
    if (!ok) fprintf(stderr, "  got '%s', expected '%s'\n", u ? u : "(encode error)", expected);
    wf_decref(s);
    return ok;
}

// The pending exception's type and str() equal `type_name: message` (clears it).
static int error_is(const char *type_name, const char *message) {
    WfObject *e = wf_err_fetch();
    if (!e) {
        fprintf(stderr, "  no exception, expected %s: %s\n", type_name, message);
        return 0;
    }
    WfObject *m = wf_object_str(e);
    int ok = m && !strcmp(wf_type_of(e)->tp_name, type_name) && !strcmp(wf_str_as_utf8_borrow(m), message);
    if (!ok)
        fprintf(stderr, "  got %s: %s, expected %s: %s\n", wf_type_of(e)->tp_name, m ? wf_str_as_utf8_borrow(m) : "?",
                type_name, message);
    wf_xdecref(m);
    wf_decref(e);
    return ok;
}

static WfObject *s(const char *utf8) { return wf_str_from_cstr(utf8); }

static void test_hash(void) {
    // Values printed by `PYTHONHASHSEED=0 python3 -c 'print(hash(...))'` (3.11, siphash13).
    struct { const char *text; intptr_t str_hash, bytes_hash; } cases[] = {
        {"abc", -4594863902769663758, -4594863902769663758},
        {"", 0, 0},
        {"a", 4644417185603328019, 4644417185603328019},
        {"hello", -2096571579003691106, -2096571579003691106},
        {"\xc3\xa9", 6047309291227476195, -1266968099349302080},            // 'é'
        {"\xe6\x97\xa5\xe6\x9c\xac", 6243316497235261705, -2469778876882227989},  // '日本'
        {"\xf0\x9f\x98\x80", -3536540696076613844, 7564481540052349486},    // '😀'
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        WfObject *t = s(cases[i].text);
        CHECK(t && wf_str_hash(t) == cases[i].str_hash);
        CHECK(t && wf_object_hash(t) == cases[i].str_hash);
        WfObject *b = wf_bytes_from_data(cases[i].text, (wf_ssize)strlen(cases[i].text));
        CHECK(b && wf_object_hash(b) == cases[i].bytes_hash);
        wf_xdecref(t);
        wf_xdecref(b);
    }
    // PYTHONHASHSEED=123 (lcg_urandom key): hash("abc") and hash("日本") (UCS-2 data).
    wf_hash_init("123");
    CHECK(wf_hash_bytes("abc", 3) == -6019719312852672851);
    uint16_t nihon[2] = {0x65e5, 0x672c};
    CHECK(wf_hash_bytes(nihon, 4) == -3254634874667674855);
    wf_hash_init("0");
    CHECK(wf_hash_bytes("abc", 3) == -4594863902769663758);
}

static void test_kinds(void) {
    WfObject *a = s("abc"), *l = s("caf\xc3\xa9"), *u2 = s("\xe6\x97\xa5"), *u4 = s("\xf0\x9f\x98\x80");
    CHECK(wf_str_kind(a) == 1 && ((WfStrObject *)a)->ascii);
    CHECK(wf_str_kind(l) == 1 && !((WfStrObject *)l)->ascii && wf_str_length(l) == 4);
    CHECK(wf_str_kind(u2) == 2 && wf_str_length(u2) == 1 && wf_str_char_at(u2, 0) == 0x65e5);
    CHECK(wf_str_kind(u4) == 4 && wf_str_char_at(u4, 0) == 0x1f600);
    // Concatenation widens; slicing narrows back.
    WfObject *cat = wf_str_concat(a, u4);
    CHECK(cat && wf_str_kind(cat) == 4 && wf_str_length(cat) == 4);
    WfObject *sub = cat ? wf_str_substring(cat, 0, 3) : NULL;
    CHECK(sub && wf_str_kind(sub) == 1 && ((WfStrObject *)sub)->ascii && wf_str_equal(sub, a));
    CHECK(wf_str_compare(a, l) < 0 && wf_str_compare(u4, u2) > 0);
    // Single Latin-1 characters and '' are shared immortal objects.
    CHECK(wf_str_from_char('x') == wf_str_from_char('x') && wf_str_from_char(0xe9) == wf_str_substring(l, 3, 4));
    CHECK(wf_str_length(wf_str_empty()) == 0 && wf_is_immortal(wf_str_empty()));
    wf_xdecref(cat);
    wf_xdecref(sub);
    wf_decref(a);
    wf_decref(l);
    wf_decref(u2);
    wf_decref(u4);
}

static void test_utf8(void) {
    const char *texts[] = {"plain", "h\xc3\xa9llo", "\xe2\x9c\x93 \xe6\x97\xa5\xe6\x9c\xac", "\xf0\x9f\x98\x80!",
                           "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xdf\xbf\xe0\xa0\x80"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        WfObject *t = s(texts[i]);
        wf_ssize n;
        const char *u = t ? wf_str_as_utf8(t, &n) : NULL;
        CHECK(u && (size_t)n == strlen(texts[i]) && !memcmp(u, texts[i], (size_t)n));
        CHECK(t && wf_str_as_utf8(t, NULL) == u);  // cached
        WfObject *b = t ? wf_str_encode(t, "utf-8", NULL) : NULL;
        CHECK(b && wf_bytes_size(b) == (wf_ssize)strlen(texts[i]));
        wf_xdecref(b);
        wf_xdecref(t);
    }
    CHECK(!wf_str_from_utf8("\xff", 1));
    CHECK(error_is("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"));
    CHECK(!wf_str_from_utf8("ab\xe2\x82", 4));
    CHECK(error_is("UnicodeDecodeError", "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"));
    CHECK(!wf_str_from_utf8("\xed\xa0\x80", 3));
    CHECK(error_is("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"));
    CHECK(str_is(wf_str_decode("a\xff" "b", 3, "utf-8", "replace"), "a\xef\xbf\xbd" "b"));
    CHECK(str_is(wf_str_decode("a\xff" "b", 3, "utf-8", "ignore"), "ab"));
    // surrogateescape round trip
    WfObject *esc = wf_str_from_utf8_surrogateescape("x\xff", 2);
    CHECK(esc && wf_str_char_at(esc, 1) == 0xdcff);
    WfObject *back = esc ? wf_str_encode(esc, "utf-8", "surrogateescape") : NULL;
    CHECK(back && wf_bytes_size(back) == 2 && (unsigned char)wf_bytes_data(back)[1] == 0xff);
    CHECK(esc && !wf_str_as_utf8(esc, NULL));
    CHECK(error_is("UnicodeEncodeError", "'utf-8' codec can't encode character '\\udcff' in position 1: surrogates not allowed"));
    wf_xdecref(back);
    wf_xdecref(esc);
    WfObject *e = s("h\xc3\xa9\xc3\xa9!");
    CHECK(!wf_str_encode(e, "ascii", NULL));
    CHECK(error_is("UnicodeEncodeError", "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"));
    WfObject *r = wf_str_encode(e, "ascii", "backslashreplace");
    CHECK(r && wf_bytes_size(r) == 10 && !memcmp(wf_bytes_data(r), "h\\xe9\\xe9!", 10));
    wf_xdecref(r);
    CHECK(!wf_str_encode(e, "nope", NULL));
    CHECK(error_is("LookupError", "unknown encoding: nope"));
    CHECK(str_is(wf_str_decode("\xe9", 1, "Latin-1", NULL), "\xc3\xa9"));
    wf_decref(e);
}

static void test_from_format(void) {
    WfObject *o = s("obj\xc3\xa9");
    CHECK(str_is(wf_str_from_format("%s|%d|%i|%u|%ld|%zd|%zu|%lld|%llu", "x", -5, 7, 8u, -9L, (intptr_t)-10, (size_t)11,
                                    -12LL, 13ULL),
                 "x|-5|7|8|-9|-10|11|-12|13"));
    CHECK(str_is(wf_str_from_format("%c%c|%x|%02x|%5d|%-4d|%05d|%%", 0x41, 0x263a, 255u, 7u, 42, 3, -42),
                 "A\xe2\x98\xba|ff|07|   42|3   |-0042|%"));
    CHECK(str_is(wf_str_from_format("%.3s|%U|%R|%S|%A|%.2U", "abcdef", o, o, o, o, o),
                 "abc|obj\xc3\xa9|'obj\xc3\xa9'|obj\xc3\xa9|'obj\\xe9'|ob"));
    CHECK(str_is(wf_str_from_format("%T|%N|%T", o, (WfObject *)&wf_int_type, wf_smallint_new(3)), "str|int|int"));
    WfObject *p = wf_str_from_format("%p", (void *)0x1234);
    CHECK(str_is(p, "0x1234"));
    wf_decref(o);
}

static void test_format_spec(void) {
    struct { long long v; const char *spec, *out; } ints[] = {
        {1234567, ",", "1,234,567"}, {1234, "010,", "00,001,234"}, {255, "#010x", "0x000000ff"},
        {255, "_b", "1111_1111"},   {0xabc, "#X", "0XABC"},        {-42, "=+8d", "-     42"},
        {5, "+d", "+5"},            {42, "^6", "  42  "},          {97, "c", "a"},
        {7, "03", "007"},           {-7, " ", "-7"},               {7, " ", " 7"},
        {1234, "x<010,", "1,234xxxxx"},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        WfObject *spec = s(ints[i].spec), *v = wf_int_from_long_long(ints[i].v);
        CHECK(str_is(wf_format_int(v, spec), ints[i].out));
        wf_decref(spec);
        wf_decref(v);
    }
    struct { double v; const char *spec, *out; } floats[] = {
        {3.14159, "08.3f", "0003.142"}, {1234.5, "e", "1.234500e+03"}, {0.256, ".2%", "25.60%"},
        {1e-7, "g", "1e-07"},           {3.5, "=8", "     3.5"},       {1234.5, "015,.2f", "0,000,001,234.50"},
        {1.0, "", "1.0"},               {1.0, "<10", "1.0       "},    {1e20, ".3", "1e+20"},
        {-0.0, "z.1f", "0.0"},          {1e16, "", "1e+16"},
    };
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++) {
        WfObject *spec = s(floats[i].spec);
        CHECK(str_is(wf_format_float(floats[i].v, spec), floats[i].out));
        wf_decref(spec);
    }
    WfObject *t = s("ab"), *spec = s("*^6"), *spec2 = s("05"), *bad = s("+");
    CHECK(str_is(wf_format_str(t, spec), "**ab**"));
    CHECK(str_is(wf_format_str(t, spec2), "ab000"));
    CHECK(!wf_format_str(t, bad));
    CHECK(error_is("ValueError", "Sign not allowed in string format specifier"));
    wf_decref(t);
    wf_decref(spec);
    wf_decref(spec2);
    wf_decref(bad);
}

static void test_percent(void) {
    WfObject *fmt = s("%5d|%-5d|%05d|%+d|% d|%.3d|%x|%#x|%#X|%#o|%08.3f|%c|%s|%r");
    WfObject *items[] = {wf_smallint_new(42), wf_smallint_new(42), wf_smallint_new(42), wf_smallint_new(42),
                         wf_smallint_new(42), wf_smallint_new(7), wf_smallint_new(-255), wf_smallint_new(255),
                         wf_smallint_new(255), wf_smallint_new(8), wf_float_new(-3.14159), wf_smallint_new(0x263a),
                         s("str"), s("it's")};
    WfObject *args = wf_tuple_from_array_take(items, 14);
    CHECK(str_is(wf_str_percent_format(fmt, args),
                 "   42|42   |00042|+42| 42|007|-ff|0xff|0XFF|0o10|-003.142|\xe2\x98\xba|str|\"it's\""));
    wf_decref(args);
    wf_decref(fmt);
    WfObject *f2 = s("%s %s"), *one = wf_tuple_pack(1, wf_smallint_new(1));
    CHECK(!wf_str_percent_format(f2, one));
    CHECK(error_is("TypeError", "not enough arguments for format string"));
    wf_decref(f2);
    wf_decref(one);
}

static void test_repr_and_intern(void) {
    const char *in[] = {"it's", "say \"hi\"", "both ' and \"", "tab\t\x01\x7f", "\xc2\x80\xc2\xa0\xc3\xa9",
                        "\xe2\x80\x8b\xf0\x9f\x98\x80"};
    const char *out[] = {"\"it's\"", "'say \"hi\"'", "'both \\' and \"'", "'tab\\t\\x01\\x7f'", "'\\x80\\xa0\xc3\xa9'",
                         "'\\u200b\xf0\x9f\x98\x80'"};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        WfObject *t = s(in[i]);
        CHECK(str_is(wf_str_repr(t), out[i]));
        wf_decref(t);
    }
    WfObject *a = wf_str_intern_cstr("some_identifier"), *b = wf_str_intern_take(s("some_identifier"));
    CHECK(a && a == b && wf_is_immortal(a));
    CHECK(wf_str_intern_cstr("__init__") == WF_ID(__init__));
    WfObject *bytes = wf_bytes_from_data("it's\x00\xff", 6);
    CHECK(str_is(wf_bytes_repr(bytes, true), "b\"it's\\x00\\xff\""));
    wf_decref(bytes);
}

// Threads intern the same names concurrently (lock-free lookups racing with
// locked insertions and table growth), and race to publish the UTF-8 cache
// and hash of one shared non-ASCII string.
enum { NTHREADS = 4, NNAMES = 3000 };
static WfObject *interned[NTHREADS][NNAMES];
static const char *utf8_seen[NTHREADS];
static intptr_t hash_seen[NTHREADS];
static WfObject *shared_text;

static void *intern_worker(void *arg) {
    int id = (int)(intptr_t)arg;
    wf_thread_start_current();
    char name[32];
    for (int i = 0; i < NNAMES; i++) {
        int k = (i * 7 + id * 13) % NNAMES;  // different insertion orders per thread
        snprintf(name, sizeof name, "concurrent_name_%d", k);
        interned[id][k] = wf_str_intern_cstr(name);
    }
    utf8_seen[id] = wf_str_as_utf8(shared_text, NULL);
    hash_seen[id] = wf_str_hash(shared_text);
    wf_thread_exit_current();
    return NULL;
}

static void test_threads(void) {
    shared_text = s("shared \xe6\x97\xa5\xe6\x9c\xac text");
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) pthread_create(&th[i], NULL, intern_worker, (void *)(intptr_t)i);
    wf_thread_detach();  // blocking in C: let the workers' stop-the-world / GIL requests through
    for (int i = 0; i < NTHREADS; i++) pthread_join(th[i], NULL);
    wf_thread_attach();
    int same = 1;
    for (int k = 0; k < NNAMES; k++)
        for (int i = 1; i < NTHREADS; i++) same &= interned[i][k] == interned[0][k] && interned[0][k] != NULL;
    CHECK(same);
    char name[32];
    snprintf(name, sizeof name, "concurrent_name_%d", 123);
    CHECK(wf_str_intern_cstr(name) == interned[0][123]);
    for (int i = 1; i < NTHREADS; i++) CHECK(utf8_seen[i] == utf8_seen[0] && hash_seen[i] == hash_seen[0]);
    CHECK(utf8_seen[0] && !strcmp(utf8_seen[0], "shared \xe6\x97\xa5\xe6\x9c\xac text"));
    wf_decref(shared_text);
}

// Writers append to one bytearray while a reader scans it (in its critical
// section) and calls find on it (a method that takes the section itself).
enum { NAPPEND = 3000 };
static WfObject *shared_ba;
static _Atomic int writers_done;

static void *append_worker(void *arg) {
    int id = (int)(intptr_t)arg;
    wf_thread_start_current();
    WfObject *v = wf_smallint_new(id + 1);
    for (int i = 0; i < NAPPEND; i++) {
        WfObject *r = wf_object_call_method_cstr(shared_ba, "append", &v, 1);
        if (r) wf_decref(r);
        else wf_err_clear();
    }
    atomic_fetch_add(&writers_done, 1);
    wf_thread_exit_current();
    return NULL;
}

static void *scan_worker(void *arg) {
    wf_thread_start_current();
    long bad = 0;
    while (atomic_load(&writers_done) < NTHREADS) {
        const char *d;
        wf_ssize n;
        WF_BEGIN_CRITICAL_SECTION(shared_ba);
        wf_bytes_like_get(shared_ba, &d, &n);
        for (wf_ssize i = 0; i < n; i++) bad += d[i] < 1 || d[i] > NTHREADS;
        WF_END_CRITICAL_SECTION();
        WfObject *key = wf_smallint_new(NTHREADS + 7);
        WfObject *r = wf_object_call_method_cstr(shared_ba, "find", &key, 1);  // scans without the lock
        if (r) wf_decref(r);
        else wf_err_clear();
    }
    *(long *)arg = bad;
    wf_thread_exit_current();
    return NULL;
}

static void test_bytearray_threads(void) {
    shared_ba = wf_bytearray_from_data(NULL, 0);
    pthread_t th[NTHREADS + 1];
    long bad = -1;
    pthread_create(&th[NTHREADS], NULL, scan_worker, &bad);
    for (int i = 0; i < NTHREADS; i++) pthread_create(&th[i], NULL, append_worker, (void *)(intptr_t)i);
    wf_thread_detach();
    for (int i = 0; i <= NTHREADS; i++) pthread_join(th[i], NULL);
    wf_thread_attach();
    CHECK(bad == 0);
    CHECK(wf_object_len(shared_ba) == NTHREADS * NAPPEND);
    for (int id = 1; id <= NTHREADS; id++) {
        WfObject *key = wf_smallint_new(id);
        WfObject *c = wf_object_call_method_cstr(shared_ba, "count", &key, 1);
        CHECK(c && wf_is_smallint(c) && wf_smallint_value(c) == NAPPEND);
        wf_xdecref(c);
    }
    wf_decref(shared_ba);
}

// wf_str_concat_inplace: in place only for a uniquely referenced string;
// caches (hash, UTF-8) reset; a shared one is never changed.
static void test_concat_inplace(void) {
    WfObject *acc = wf_str_concat(s("ab"), s("c"));  // a fresh, unique str (the arguments leak: immortal or tiny)
    CHECK(acc && wf_str_hash(acc) != -1);
    char expect[4096] = "abc";
    int same_block = 0;
    for (int i = 0; i < 600; i++) {
        WfObject *piece = wf_str_from_format("%d", i), *before = acc;
        CHECK(wf_str_concat_inplace(&acc, piece) == 0);
        same_block += acc == before;
        wf_decref(piece);
        snprintf(expect + strlen(expect), sizeof expect - strlen(expect), "%d", i);
    }
    CHECK(same_block > 500);  // grown in place (the block has room most of the time)
    WfObject *ref = s(expect);
    CHECK(wf_str_equal(acc, ref) && wf_str_hash(acc) == wf_str_hash(ref) && ((WfStrObject *)acc)->ascii);
    wf_ssize n;
    CHECK(!strcmp(wf_str_as_utf8(acc, &n), expect) && (size_t)n == strlen(expect));
    // Latin-1 text appended: no longer ASCII; the UTF-8 cache follows the text.
    CHECK(wf_str_concat_inplace(&acc, s("\u00e9")) == 0 && !((WfStrObject *)acc)->ascii && wf_str_kind(acc) == 1);
    const char *u = wf_str_as_utf8_borrow(acc);
    CHECK(u && strlen(u) == strlen(expect) + 2 && !strcmp(u + strlen(expect), "\u00e9"));
    CHECK(wf_str_concat_inplace(&acc, s("x")) == 0);
    u = wf_str_as_utf8_borrow(acc);
    CHECK(u && !strcmp(u + strlen(expect), "\u00e9x"));
    // Wider text: a new string of the wider kind.
    CHECK(wf_str_concat_inplace(&acc, s("\u65e5")) == 0 && wf_str_kind(acc) == 2 &&
          wf_str_char_at(acc, wf_str_length(acc) - 1) == 0x65e5);
    // A second reference: the original must not change.
    WfObject *other = wf_newref(acc);
    wf_ssize before = wf_str_length(other);
    intptr_t h = wf_str_hash(other);
    CHECK(wf_str_concat_inplace(&acc, s("zz")) == 0 && acc != other && wf_str_length(other) == before &&
          wf_str_hash(other) == h && wf_str_length(acc) == before + 2);
    wf_decref(other);
    // s += s: never in place (the block could move under the reader).
    WfObject *self_cat = wf_str_concat(s("ab"), s("cd"));
    CHECK(wf_str_concat_inplace(&self_cat, self_cat) == 0 && str_is(self_cat, "abcdabcd"));
    // Errors leave the slot alone.
    WfObject *keep = acc;
    CHECK(wf_str_concat_inplace(&acc, wf_smallint_new(1)) == -1 && acc == keep &&
          error_is("TypeError", "can only concatenate str (not \"int\") to str"));
    // Immortal / interned strings are never resized.
    WfObject *interned = wf_str_intern_cstr("interned_concat_test");
    WfObject *slot = interned;
    CHECK(wf_str_concat_inplace(&slot, s("!")) == 0 && slot != interned && str_is(slot, "interned_concat_test!") &&
          str_is(wf_newref(interned), "interned_concat_test"));
    wf_decref(acc);
    wf_decref(ref);
}

int main(int argc, char **argv) {
    WfConfig config = {.gil = -1, .program_name = "strings_test", .hashseed = "0"};
    if (wf_runtime_initialize(&config, argc, argv) < 0) return 1;
    test_hash();
    test_kinds();
    test_utf8();
    test_from_format();
    test_format_spec();
    test_percent();
    test_repr_and_intern();
    test_concat_inplace();
    test_threads();
    test_bytearray_threads();
    printf("strings_test: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
