// main.c — the `weft` command line, as CPython's: weft [options] [-c cmd |
// -m mod | file | -] [args]. Parses options, sets up the runtime, runs the
// program in __main__, maps uncaught exceptions / SystemExit to an exit status.
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile/compile.h"
#include "modules/signal.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"
#include "runtime/thread_state.h"
#include "runtime/version.h"
#include "vm/eval.h"

void wf_compile_disassemble(WfCodeObject *co, FILE *out);

static void usage(const char *prog, FILE *out) {
    fprintf(out,
            "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            "Options (a subset of CPython's):\n"
            "-c cmd : program passed in as string (terminates option list)\n"
            "-E     : ignore PYTHON* environment variables (such as PYTHON_GIL)\n"
            "-h     : print this help message and exit (also -? or --help)\n"
            "-I     : isolate Python from the user's environment (implies -E and -s)\n"
            "-m mod : run library module as a script (terminates option list)\n"
            "-q     : don't print version and copyright messages on interactive startup\n"
            "-s     : don't add user site directory to sys.path\n"
            "-u     : force the stdout and stderr streams to be unbuffered\n"
            "-V     : print the Python version number and exit (also --version)\n"
            "         when given twice, print more information about the build\n"
            "-X opt : set implementation-specific option: -X gil=0|1\n"
            "file   : program read from script file\n"
            "-      : program read from stdin (default; interactive mode if a tty)\n",
            prog);
}

static char *read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    *len = n;
    return buf;
}

// Set when the program ended with an uncaught KeyboardInterrupt (exactly that
// type, as CPython's check): main() then exits by SIGINT. Main thread only.
static int unhandled_keyboard_interrupt;

// Handle an uncaught exception: SystemExit → its code; else print it → 1.
static int handle_uncaught(void) {
    WfObject *exc = wf_err_fetch();
    if (!exc) return 0;
    unhandled_keyboard_interrupt = wf_type_of(exc) == &wf_exc_KeyboardInterrupt;
    if (wf_type_check(exc, &wf_exc_SystemExit)) {
        WfObject *code = ((WfSystemExitObject *)exc)->code;
        int status = 0;
        if (code && code != wf_None) {
            if (wf_int_check(code)) {
                long long v = wf_int_as_long_long(code);
                if (v == -1 && wf_err_occurred()) {
                    wf_err_clear();
                    v = -1;
                }
                status = (int)v;
            } else {
                // Print str(code) to sys.stderr, exit status 1.
                WfObject *s = wf_object_str(code);
                WfObject *err = wf_runtime.sys_dict ? wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, "stderr") : NULL;
                if (s && err && err != wf_None) {
                    WfObject *nl = wf_str_from_cstr("\n");
                    WfObject *r = wf_object_call_method_cstr(err, "write", &s, 1);
                    wf_xdecref(r);
                    if (nl) {
                        r = wf_object_call_method_cstr(err, "write", &nl, 1);
                        wf_xdecref(r);
                        wf_decref(nl);
                    }
                } else if (s) {
                    fprintf(stderr, "%s\n", wf_str_as_utf8_borrow(s));
                }
                wf_xdecref(s);
                wf_err_clear();
                status = 1;
            }
        }
        wf_decref(exc);
        return status;
    }
    if (wf_runtime.sys_dict) {
        WfObject *out = wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, "stdout");
        if (out && out != wf_None) {
            WfObject *r = wf_object_call_method_cstr(out, "flush", NULL, 0);
            if (r) wf_decref(r);
            else wf_err_clear();
        }
    }
    wf_err_restore(exc);
    wf_err_print();
    return 1;
}

static WfObject *make_main_module(const char *file) {
    WfObject *m = wf_module_new_cstr("__main__");
    if (!m) return NULL;
    WfObject *d = wf_module_dict_borrow(m);
    if (wf_dict_set_item_cstr(d, "__builtins__", wf_runtime.builtins) < 0) goto error;
    if (file) {
        WfObject *f = wf_str_from_cstr(file);
        if (!f || wf_dict_set_item_take(d, wf_str_intern_cstr("__file__"), f) < 0) goto error;
    }
    if (wf_dict_set_item_cstr(wf_runtime.modules, "__main__", m) < 0) goto error;
    wf_runtime.main_module = m;
    return m;
error:
    wf_decref(m);
    return NULL;
}

static int run_source(const char *src, size_t len, const char *filename, const char *main_file, int dis) {
    WfObject *fname = wf_str_from_cstr(filename);
    if (!fname) return handle_uncaught();
    WfCodeObject *co = wf_compile_source(src, len, fname, WF_COMPILE_EXEC, -1);
    wf_decref(fname);
    if (!co) return handle_uncaught();
    if (dis) {
        wf_compile_disassemble(co, stdout);
        wf_decref((WfObject *)co);
        return 0;
    }
    WfObject *m = make_main_module(main_file);
    if (!m) {
        wf_decref((WfObject *)co);
        return handle_uncaught();
    }
    WfObject *d = wf_module_dict_borrow(m);
    WfObject *r = wf_eval_code(co, d, d);
    wf_decref((WfObject *)co);
    wf_decref(m);
    if (!r) return handle_uncaught();
    wf_decref(r);
    return 0;
}

int wf_repl_run(WfObject *main_dict, int quiet, int (*handle_uncaught)(void));

static int run_repl(int quiet) {
    WfObject *m = make_main_module(NULL);
    if (!m) return handle_uncaught();
    int r = wf_repl_run(wf_module_dict_borrow(m), quiet, handle_uncaught);
    wf_decref(m);
    return r;
}

static int run_module(const char *name) {
    // runpy-lite: import the module under the name __main__ is not supported
    // yet; import it and run it as __main__ by executing its source.
    WfObject *mod_name = wf_str_from_cstr(name);
    if (!mod_name) return handle_uncaught();
    extern WfObject *wf_import_find_source(WfObject * name, WfObject * *filename);
    WfObject *filename = NULL;
    WfObject *src = wf_import_find_source(mod_name, &filename);
    wf_decref(mod_name);
    if (!src) {
        if (wf_err_matches(&wf_exc_ImportError)) {
            WfObject *exc = wf_err_fetch();
            WfObject *s = wf_object_str(exc);
            fprintf(stderr, "%s: %s\n", wf_runtime.program_name, s ? wf_str_as_utf8_borrow(s) : "import error");
            wf_xdecref(s);
            wf_decref(exc);
            wf_err_clear();
            return 1;
        }
        return handle_uncaught();
    }
    wf_ssize len;
    const char *text = wf_str_as_utf8(src, &len);
    const char *fn = wf_str_as_utf8_borrow(filename);
    int r = run_source(text, (size_t)len, fn, fn, 0);
    wf_decref(src);
    wf_decref(filename);
    return r;
}

int main(int argc, char **argv) {
    WfConfig config = {.gil = -1, .optimize = 0};
    const char *prog = argv[0];
    const char *slash = strrchr(prog, '/');
    config.program_name = prog;
    (void)slash;
    int version = 0;
    const char *command = NULL, *module = NULL;
    const char *gil_x = NULL;
    const char *int_digits_x = NULL;  // -X int_max_str_digits=N
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--version") == 0) {
            version++;
            continue;
        }
        if (strcmp(a, "--help") == 0) {
            usage(prog, stdout);
            return 0;
        }
        // Clustered single-letter options, e.g. -uE, -c CODE, -cCODE.
        for (const char *p = a + 1; *p; p++) {
            char c = *p;
            if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!val) {
                    fprintf(stderr, "Argument expected for the -%c option\n", c);
                    usage(prog, stderr);
                    return 2;
                }
                if (c == 'c') command = val;
                else if (c == 'm') module = val;
                else if (c == 'X') {
                    if (strncmp(val, "int_max_str_digits", 18) == 0 && (val[18] == '=' || !val[18]))
                        int_digits_x = val[18] ? val + 19 : "";
                    else if (strncmp(val, "gil=", 4) == 0) gil_x = val + 4;
                    else if (strcmp(val, "gil") == 0) gil_x = "";
                    else if (strcmp(val, "dis") == 0) config.dis = 1;
                }
                break;
            }
            switch (c) {
            case 'V': version++; break;
            case 'u': config.unbuffered = 1; break;
            case 'E': config.ignore_environment = 1; break;
            case 'I': config.isolated = 1; config.ignore_environment = 1; config.no_user_site = 1; config.safe_path = 1; break;
            case 's': config.no_user_site = 1; break;
            case 'S': config.no_site = 1; break;
            case 'B': config.dont_write_bytecode = 1; break;
            case 'q': config.quiet = 1; break;
            case 'O': config.optimize++; break;
            case 'v': config.verbose++; break;
            case 'i': config.inspect = 1; break;
            case 'P': config.safe_path = 1; break;
            case 'b': case 'd': case 'R': break;
            case 'h': case '?': usage(prog, stdout); return 0;
            default:
                fprintf(stderr, "Unknown option: -%c\n", c);
                usage(prog, stderr);
                return 2;
            }
        }
        if (command || module) {
            i++;
            break;
        }
    }
    if (version) {
        if (version >= 2)
            printf("Python %s\n", WF_SYS_VERSION);
        else
            printf("Python %s\n", WF_PY_VERSION);
        return 0;
    }
    // -X gil wins over PYTHON_GIL; only "0" and "1" are accepted.
    const char *gil_env = config.ignore_environment ? NULL : getenv("PYTHON_GIL");
    const char *gil = gil_x ? gil_x : (gil_env && *gil_env ? gil_env : NULL);
    if (gil) {
        if (strcmp(gil, "0") == 0) config.gil = 0;
        else if (strcmp(gil, "1") == 0) config.gil = 1;
        else {
            fprintf(stderr, "Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"\n"
                            "Python runtime state: preinitialized\n\n");
            return 1;
        }
    }
    // PYTHONINTMAXSTRDIGITS, then -X int_max_str_digits (which wins); each
    // must be 0 or >= 640 (CPython's config_init_int_max_str_digits).
    const char *digits_env = config.ignore_environment ? NULL : getenv("PYTHONINTMAXSTRDIGITS");
    const char *digits_src[2] = {digits_env && *digits_env ? digits_env : NULL, int_digits_x};
    for (int k = 0; k < 2; k++) {
        const char *v = digits_src[k];
        if (!v) continue;
        char *end;
        errno = 0;
        long n = strtol(v, &end, 10);
        if (!*v || *end || errno || n < 0 || n > INT_MAX || (n != 0 && n < 640)) {
            fprintf(stderr, "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; must be >= 640 "
                            "or 0 for unlimited.\nPython runtime state: preinitialized\n\n",
                    k ? "-X int_max_str_digits" : "PYTHONINTMAXSTRDIGITS");
            return 1;
        }
        config.int_max_str_digits_set = 1;
        config.int_max_str_digits = (int)n;
    }
    if (!config.ignore_environment) {
        config.hashseed = getenv("PYTHONHASHSEED");
        if (config.hashseed && !*config.hashseed) config.hashseed = NULL;
        if (config.hashseed && strcmp(config.hashseed, "random") != 0) {
            char *end;
            errno = 0;
            unsigned long long seed = strtoull(config.hashseed, &end, 10);
            if (*end || errno || seed > 4294967295ULL || config.hashseed[0] == '-') {
                fprintf(stderr, "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or "
                                "an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n");
                return 1;
            }
        }
        const char *u = getenv("PYTHONUNBUFFERED");
        if (u && *u) config.unbuffered = 1;
    }

    // sys.argv
    const char *script = NULL;
    char **sargv;
    int sargc;
    static char *dash_c[] = {"-c"};
    static char *empty[] = {""};
    if (command) {
        sargc = argc - i + 1;
        sargv = calloc((size_t)sargc, sizeof *sargv);
        sargv[0] = dash_c[0];
        for (int k = 1; k < sargc; k++) sargv[k] = argv[i + k - 1];
    } else if (module) {
        sargc = argc - i + 1;
        sargv = calloc((size_t)sargc, sizeof *sargv);
        sargv[0] = (char *)module;
        for (int k = 1; k < sargc; k++) sargv[k] = argv[i + k - 1];
    } else if (i < argc) {
        script = argv[i];
        sargc = argc - i;
        sargv = argv + i;
    } else {
        sargc = 1;
        sargv = empty;
    }
    if (script && strcmp(script, "-") == 0) script = NULL;

    // Open the script before initializing, like CPython's error path.
    FILE *f = NULL;
    char abspath[PATH_MAX];
    if (script) {
        f = fopen(script, "rb");
        if (!f) {
            int e = errno;
            if (script[0] == '/' || !getcwd(abspath, sizeof abspath))
                snprintf(abspath, sizeof abspath, "%s", script);
            else {
                size_t l = strlen(abspath);
                snprintf(abspath + l, sizeof abspath - l, "/%s", script);
            }
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, abspath, e, strerror(e));
            return 2;
        }
    }
    if (wf_runtime_initialize(&config, sargc, sargv) < 0) return 1;
    if (config.unbuffered) setvbuf(stdout, NULL, _IONBF, 0);

    int status;
    if (command) {
        status = run_source(command, strlen(command), "<string>", NULL, config.dis);
        if (config.inspect && status == 0) status = run_repl(1);
    } else if (module) {
        status = run_module(module);
    } else if (!script && (config.inspect || isatty(0)) && !config.dis) {
        status = run_repl(config.quiet);
    } else {
        FILE *in = f ? f : stdin;
        size_t len = 0;
        char *src = read_all(in, &len);
        if (f) fclose(f);
        if (!src) {
            fprintf(stderr, "%s: out of memory reading the program\n", prog);
            return 1;
        }
        // CPython shows the script by its absolute path in tracebacks and
        // __main__.__file__ (sys.argv[0] keeps the path as typed).
        char full[PATH_MAX];
        const char *name = script ? script : "<stdin>";
        if (script && script[0] != '/' && getcwd(full, sizeof full)) {
            size_t l = strlen(full);
            const char *rel = script;
            while (rel[0] == '.' && rel[1] == '/') rel += 2;
            snprintf(full + l, sizeof full - l, "/%s", rel);
            name = full;
        }
        status = run_source(src, len, name, script ? name : NULL, config.dis);
        free(src);
    }
    status = wf_runtime_finalize(status);
    // As CPython (bpo-1054041): after an uncaught KeyboardInterrupt, die by
    // SIGINT so that the shell sees the ^C (status 130).
    if (unhandled_keyboard_interrupt) return wf_signal_exit_by_sigint();
    return status;
}
