// version.h — the version weft reports. The language level is Python 3.14.
#ifndef WF_VERSION_H
#define WF_VERSION_H

#define WF_PY_MAJOR 3
#define WF_PY_MINOR 14
#define WF_PY_MICRO 0
#define WF_PY_VERSION "3.14.0"
#define WF_PY_HEXVERSION 0x030e00f0
#define WF_VERSION "0.1.0"
#define WF_STRINGIFY_(x) #x
#define WF_STRINGIFY(x) WF_STRINGIFY_(x)
#if defined(__clang__)
#define WF_COMPILER "[Clang " __clang_version__ "]"
#elif defined(__GNUC__)
#define WF_COMPILER "[GCC " WF_STRINGIFY(__GNUC__) "." WF_STRINGIFY(__GNUC_MINOR__) "." WF_STRINGIFY(__GNUC_PATCHLEVEL__) "]"
#else
#define WF_COMPILER "[unknown compiler]"
#endif
// sys.version, as CPython's free-threaded build spells it.
#define WF_SYS_VERSION WF_PY_VERSION " free-threading build (weft " WF_VERSION ", " __DATE__ ") " WF_COMPILER

#endif
