// code.h — code objects: the compiler's output and the eval loop's input.
//
// Invariants:
// - co_code holds co_ncode uint32 code units (see vm/opcodes.h); it is written
//   only by the assembler at creation and afterwards only by the VM's
//   specializer (single aligned 32-bit atomic stores, so a reader sees either
//   the old or the new unit).
// - co_locations has one entry per code unit (cache units repeat their
//   instruction's location); line -1 means "no location".
// - co_exceptiontable is sorted by `start`, entries do not overlap.
// - co_localsplusnames[i] / co_localspluskinds[i] describe frame slot i:
//   plain locals (arguments first), then cell variables that are not
//   arguments, then free variables (the last co_nfreevars slots).
// - Code objects are immutable after creation (apart from the adaptive code)
//   and deferred-refcounted; their constants are immortal.
#ifndef WF_CODE_H
#define WF_CODE_H

#include "objects/object.h"

// co_flags (CPython values)
#define WF_CO_OPTIMIZED 0x0001
#define WF_CO_NEWLOCALS 0x0002
#define WF_CO_VARARGS 0x0004
#define WF_CO_VARKEYWORDS 0x0008
#define WF_CO_NESTED 0x0010
#define WF_CO_GENERATOR 0x0020
#define WF_CO_NOFREE 0x0040
#define WF_CO_COROUTINE 0x0080
#define WF_CO_ITERABLE_COROUTINE 0x0100
#define WF_CO_ASYNC_GENERATOR 0x0200
#define WF_CO_HAS_DOCSTRING 0x4000000

// co_localspluskinds (CPython 3.12 values)
#define WF_CO_FAST_HIDDEN 0x10
#define WF_CO_FAST_LOCAL 0x20
#define WF_CO_FAST_CELL 0x40
#define WF_CO_FAST_FREE 0x80

typedef struct {
    int32_t line, end_line;    // 1-based; -1: none
    int32_t col, end_col;      // 0-based UTF-8 byte offsets; -1: none
} WfCodeLocation;

typedef struct {
    uint32_t start, end;       // code unit range [start, end)
    uint32_t target;           // handler's first code unit
    uint16_t depth;            // stack depth to unwind to (not counting lasti/exc)
    uint16_t push_lasti;       // 1: push the raising instruction's offset before the exception
} WfExceptionTableEntry;

typedef struct WfCodeObject {
    WfObject ob_base;
    int co_argcount, co_posonlyargcount, co_kwonlyargcount;
    int co_flags;
    int co_nlocalsplus;        // frame slots for locals + cells + frees
    int co_nlocals;            // plain locals (incl. arguments)
    int co_ncellvars, co_nfreevars;
    int co_stacksize;
    int co_firstlineno;
    WfObject *co_consts;             // tuple (immortal members)
    WfObject *co_names;              // tuple of str: global / attribute / import names
    WfObject *co_localsplusnames;    // tuple of str
    uint8_t *co_localspluskinds;     // co_nlocalsplus bytes (WF_CO_FAST_*)
    WfObject *co_filename;           // str
    WfObject *co_name;               // str
    WfObject *co_qualname;           // str
    uint32_t *co_code;               // co_ncode units (adaptive: specializer rewrites)
    wf_ssize co_ncode;
    WfCodeLocation *co_locations;    // co_ncode entries
    WfExceptionTableEntry *co_exceptiontable;
    int co_nexceptiontable;
    int co_framesize;                // co_nlocalsplus + co_stacksize + frame header slots (vm)
    void *co_extra;                  // private to the VM (e.g. per-code caches)
} WfCodeObject;

extern WfTypeObject wf_code_type;

// Build a code object; takes ownership of the malloc'd (wf_mem_malloc) arrays
// code, locations, kinds and exctable. Strings in names/localsplusnames are interned.
WfCodeObject *wf_code_new(const WfCodeObject *fields);
// Location of the instruction at code unit `index` (line -1 if unknown).
WfCodeLocation wf_code_location(const WfCodeObject *co, wf_ssize index);
int wf_code_line_at(const WfCodeObject *co, wf_ssize index);
// Readies wf_code_type (added by the compiler area, owner of code.c; call at
// start-up with the other static types — wf_compile_source also calls it).
int wf_code_init(void);

#endif
