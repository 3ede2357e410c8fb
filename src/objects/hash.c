// hash.c — SipHash-1-3 keyed by the process hash secret, exactly as CPython's
// _Py_HashBytes (Python/pyhash.c) and its secret initialisation
// (Python/bootstrap_hash.c), so hash(str)/hash(bytes) and therefore the
// iteration order of string sets equal CPython's under the same PYTHONHASHSEED.
//
// Invariant: the key (k0, k1) is written once by wf_hash_init during startup,
// before any other thread exists, and only read afterwards (so plain loads
// suffice: thread creation happens-after startup).
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "objects/str.h"

// CPython's _Py_HashSecret_t is a 24-byte union; SipHash uses its first 16
// bytes as two little-endian 64-bit words.
static unsigned char hash_secret[24];
static uint64_t sip_k0, sip_k1;

static uint64_t load_le64(const unsigned char *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

// lcg_urandom from Python/bootstrap_hash.c: the key derived from a numeric seed.
static void lcg_urandom(unsigned int x0, unsigned char *buffer, size_t size) {
    unsigned int x = x0;
    for (size_t i = 0; i < size; i++) {
        x *= 214013;
        x += 2531011;
        buffer[i] = (x >> 16) & 0xff;  // modulo 2 ** (8 * sizeof(int))
    }
}

static void random_secret(unsigned char *buf, size_t size) {
    size_t got = 0;
    while (got < size) {
        ssize_t n = getrandom(buf + got, size - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        got += (size_t)n;
    }
    if (got < size) {
        // No entropy source: fall back to a weak but varying key.
        uintptr_t mix = (uintptr_t)&got ^ (uintptr_t)buf;
        lcg_urandom((unsigned int)(mix ^ (mix >> 32)), buf + got, size - got);
    }
}

// Parses CPython's accepted PYTHONHASHSEED values: "random" or a decimal in
// [0, 4294967295]. Returns 1 and *seed for a number, 0 for random/invalid.
static int parse_seed(const char *env, unsigned long *seed) {
    if (env == NULL || env[0] == '\0' || strcmp(env, "random") == 0) return 0;
    char *end;
    errno = 0;
    unsigned long v = strtoul(env, &end, 10);
    if (*end != '\0' || errno != 0 || v > 4294967295UL || env[0] == '-') return 0;
    *seed = v;
    return 1;
}

void wf_hash_init(const char *pythonhashseed_env) {
    unsigned long seed;
    if (parse_seed(pythonhashseed_env, &seed)) {
        if (seed == 0) memset(hash_secret, 0, sizeof hash_secret);  // randomization disabled
        else lcg_urandom((unsigned int)seed, hash_secret, sizeof hash_secret);
    } else {
        random_secret(hash_secret, sizeof hash_secret);
    }
    sip_k0 = load_le64(hash_secret);
    sip_k1 = load_le64(hash_secret + 8);
}

#define ROTATE(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d;                  \
    b = ROTATE(b, s) ^ a;            \
    d = ROTATE(d, t) ^ c;            \
    a = ROTATE(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)  \
    HALF_ROUND(v0, v1, v2, v3, 13, 16); \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

static uint64_t siphash13(uint64_t k0, uint64_t k1, const void *src, size_t src_sz) {
    uint64_t b = (uint64_t)src_sz << 56;
    const uint8_t *in = (const uint8_t *)src;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;

    while (src_sz >= 8) {
        uint64_t mi = load_le64(in);
        in += 8;
        src_sz -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < src_sz; i++) t |= (uint64_t)in[i] << (8 * i);
    b |= t;

    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

intptr_t wf_hash_bytes(const void *data, wf_ssize len) {
    if (len == 0) return 0;  // CPython: hash('') == hash(b'') == 0
    intptr_t x = (intptr_t)siphash13(sip_k0, sip_k1, data, (size_t)len);
    return x == -1 ? -2 : x;
}
