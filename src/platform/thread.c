// thread.c — OS threads on POSIX threads (Linux).
//
// Invariant: no global state; each function maps to one pthread/Linux call.
// Thread bodies run with the signal mask the creating thread had; signal
// policy (which thread handles Python signals) belongs to the runtime.
#include "platform/thread.h"

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

int wf_thread_create(WfThread *thread, WfThreadFunc fn, void *arg, size_t stack_size) {
    pthread_attr_t attr;
    int err = pthread_attr_init(&attr);
    if (err) return err;
    if (stack_size != 0) {
        if (stack_size < WF_THREAD_STACK_MIN) {
            pthread_attr_destroy(&attr);
            return EINVAL;
        }
        long page = sysconf(_SC_PAGESIZE);
        size_t p = page > 0 ? (size_t)page : 4096;
        if (stack_size > SIZE_MAX - p) {
            pthread_attr_destroy(&attr);
            return EINVAL;
        }
        stack_size = (stack_size + p - 1) / p * p;
        err = pthread_attr_setstacksize(&attr, stack_size);
        if (err) {
            pthread_attr_destroy(&attr);
            return err;
        }
    }
    err = pthread_create(&thread->handle, &attr, fn, arg);
    pthread_attr_destroy(&attr);
    return err;
}

int wf_thread_join(WfThread thread, void **result) {
    void *r = NULL;
    int err = pthread_join(thread.handle, &r);
    if (!err && result) *result = r;
    return err;
}

int wf_thread_detach_handle(WfThread thread) { return pthread_detach(thread.handle); }

unsigned long wf_thread_ident(void) { return (unsigned long)pthread_self(); }

unsigned long wf_thread_native_id(void) {
#if defined(__linux__)
    return (unsigned long)syscall(SYS_gettid);
#else
    return (unsigned long)pthread_self();
#endif
}

bool wf_thread_equal(WfThread a, WfThread b) { return pthread_equal(a.handle, b.handle) != 0; }

WfThread wf_thread_self(void) { return (WfThread){.handle = pthread_self()}; }

size_t wf_thread_default_stack_size(void) {
    size_t size = 0;
    pthread_attr_t attr;
#if defined(__GLIBC__)
    if (pthread_getattr_default_np(&attr) == 0) {
        pthread_attr_getstacksize(&attr, &size);
        pthread_attr_destroy(&attr);
        if (size) return size;
    }
#endif
    if (pthread_attr_init(&attr) == 0) {
        pthread_attr_getstacksize(&attr, &size);
        pthread_attr_destroy(&attr);
    }
    return size;
}

int wf_thread_current_stack(void **low, size_t *size) {
#if defined(__GLIBC__)
    pthread_attr_t attr;
    int err = pthread_getattr_np(pthread_self(), &attr);
    if (err) return err;
    err = pthread_attr_getstack(&attr, low, size);
    pthread_attr_destroy(&attr);
    return err;
#else
    *low = NULL;
    *size = 0;
    return ENOSYS;
#endif
}

void wf_thread_set_name(const char *name) {
#if defined(__GLIBC__)
    char buf[16];
    size_t n = strlen(name);
    if (n > 15) n = 15;
    memcpy(buf, name, n);
    buf[n] = '\0';
    (void)pthread_setname_np(pthread_self(), buf);
#else
    (void)name;
#endif
}

void wf_thread_yield(void) { sched_yield(); }

void wf_thread_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

int wf_thread_cpu_count(void) {
#if defined(__linux__)
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0) return n;
    }
#endif
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}
