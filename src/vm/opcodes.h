// opcodes.h — the one list of weft's bytecode instructions. Every consumer
// (compiler, assembler, eval loop, disassembler) expands WF_OPCODES.
//
// Encoding: a code unit is a uint32_t: bits 0..7 the opcode, bits 8..31 the
// argument (24 bits). A larger argument is built with EXTENDED_ARG prefixes
// (arg = (prefix_arg << 24) | arg). An instruction is followed by `cache` code
// units of inline cache (zero-initialized by the assembler, owned by the VM's
// specializer). Jump arguments are relative, counted in code units from the
// unit following the instruction's caches, as in CPython 3.12.
//
// Semantics: unless a comment says otherwise, every opcode behaves exactly as
// the CPython 3.12 opcode of the same name (see Python 3.12's `dis` docs),
// including the stack layout for calls ([NULL or method, callable or self,
// args...]), KW_NAMES, exception-table based handling (PUSH_EXC_INFO,
// POP_EXCEPT, RERAISE, CHECK_EXC_MATCH, CLEANUP_THROW, WITH_EXCEPT_START),
// generators (RETURN_GENERATOR, YIELD_VALUE, SEND, END_SEND), and the
// oparg bit-packing of LOAD_GLOBAL / LOAD_ATTR / LOAD_SUPER_ATTR / COMPARE_OP
// (COMPARE_OP: oparg >> 4 is the comparison, WF_LT..WF_GE).
// BINARY_OP's oparg is a WF_BINOP_* value (same numbering as CPython's NB_*).
//
// The VM may add specialized forms in the SPECIALIZED section; the compiler
// never emits them, and each has the same cache size as its generic form.
#ifndef WF_OPCODES_H
#define WF_OPCODES_H

#include <stdint.h>

// The VM owns this file: WF_SPECIALIZED_OPCODES(X), entries X(NAME, cache_units).
#include "vm/opcodes_specialized.h"

// X(NAME, cache_units)
#define WF_OPCODES(X)                  \
    X(CACHE, 0)                        \
    X(NOP, 0)                          \
    X(RESUME, 0)                       \
    X(POP_TOP, 0)                      \
    X(PUSH_NULL, 0)                    \
    X(END_FOR, 0)                      \
    X(END_SEND, 0)                     \
    X(COPY, 0)                         \
    X(SWAP, 0)                         \
    X(UNARY_NEGATIVE, 0)               \
    X(UNARY_NOT, 0)                    \
    X(UNARY_INVERT, 0)                 \
    X(GET_ITER, 0)                     \
    X(GET_YIELD_FROM_ITER, 0)          \
    X(BINARY_OP, 1)                    \
    X(BINARY_SUBSCR, 1)                \
    X(BINARY_SLICE, 0)                 \
    X(STORE_SLICE, 0)                  \
    X(STORE_SUBSCR, 1)                 \
    X(DELETE_SUBSCR, 0)                \
    X(RETURN_VALUE, 0)                 \
    X(RETURN_CONST, 0)                 \
    X(RETURN_GENERATOR, 0)             \
    X(YIELD_VALUE, 0)                  \
    X(SEND, 1)                         \
    X(SETUP_ANNOTATIONS, 0)            \
    X(POP_EXCEPT, 0)                   \
    X(RERAISE, 0)                      \
    X(PUSH_EXC_INFO, 0)                \
    X(CHECK_EXC_MATCH, 0)              \
    X(CHECK_EG_MATCH, 0)               \
    X(CLEANUP_THROW, 0)                \
    X(BEFORE_WITH, 0)                  \
    X(WITH_EXCEPT_START, 0)            \
    X(LOAD_ASSERTION_ERROR, 0)         \
    X(LOAD_BUILD_CLASS, 0)             \
    X(LOAD_LOCALS, 0)                  \
    X(LOAD_CONST, 0)                   \
    X(LOAD_NAME, 0)                    \
    X(STORE_NAME, 0)                   \
    X(DELETE_NAME, 0)                  \
    X(LOAD_FROM_DICT_OR_GLOBALS, 0)    \
    X(LOAD_FROM_DICT_OR_DEREF, 0)      \
    X(UNPACK_SEQUENCE, 1)              \
    X(UNPACK_EX, 0)                    \
    X(LOAD_ATTR, 4)                    \
    X(STORE_ATTR, 2)                   \
    X(DELETE_ATTR, 0)                  \
    X(LOAD_SUPER_ATTR, 1)              \
    X(LOAD_GLOBAL, 2)                  \
    X(STORE_GLOBAL, 0)                 \
    X(DELETE_GLOBAL, 0)                \
    X(LOAD_FAST, 0)                    \
    X(LOAD_FAST_CHECK, 0)              \
    X(LOAD_FAST_AND_CLEAR, 0)          \
    X(LOAD_FAST_BORROW, 0)             \
    X(STORE_FAST, 0)                   \
    X(DELETE_FAST, 0)                  \
    X(MAKE_CELL, 0)                    \
    X(LOAD_CLOSURE, 0)                 \
    X(LOAD_DEREF, 0)                   \
    X(STORE_DEREF, 0)                  \
    X(DELETE_DEREF, 0)                 \
    X(COPY_FREE_VARS, 0)               \
    X(BUILD_TUPLE, 0)                  \
    X(BUILD_LIST, 0)                   \
    X(BUILD_SET, 0)                    \
    X(BUILD_MAP, 0)                    \
    X(BUILD_CONST_KEY_MAP, 0)          \
    X(BUILD_STRING, 0)                 \
    X(BUILD_SLICE, 0)                  \
    X(LIST_APPEND, 0)                  \
    X(SET_ADD, 0)                      \
    X(MAP_ADD, 0)                      \
    X(LIST_EXTEND, 0)                  \
    X(SET_UPDATE, 0)                   \
    X(DICT_UPDATE, 0)                  \
    X(DICT_MERGE, 0)                   \
    X(FORMAT_VALUE, 0)                 \
    X(COMPARE_OP, 1)                   \
    X(IS_OP, 0)                        \
    X(CONTAINS_OP, 0)                  \
    X(IMPORT_NAME, 0)                  \
    X(IMPORT_FROM, 0)                  \
    X(JUMP_FORWARD, 0)                 \
    X(JUMP_BACKWARD, 0)                \
    X(JUMP_BACKWARD_NO_INTERRUPT, 0)   \
    X(POP_JUMP_IF_FALSE, 0)            \
    X(POP_JUMP_IF_TRUE, 0)             \
    X(POP_JUMP_IF_NONE, 0)             \
    X(POP_JUMP_IF_NOT_NONE, 0)         \
    X(FOR_ITER, 1)                     \
    X(RAISE_VARARGS, 0)                \
    X(KW_NAMES, 0)                     \
    X(CALL, 2)                         \
    X(CALL_FUNCTION_EX, 0)             \
    X(CALL_INTRINSIC_1, 0)             \
    X(CALL_INTRINSIC_2, 0)             \
    X(MAKE_FUNCTION, 0)                \
    X(GET_AWAITABLE, 0)                \
    X(GET_AITER, 0)                    \
    X(GET_ANEXT, 0)                    \
    X(END_ASYNC_FOR, 0)                \
    X(BEFORE_ASYNC_WITH, 0)            \
    X(GET_LEN, 0)                      \
    X(MATCH_MAPPING, 0)                \
    X(MATCH_SEQUENCE, 0)               \
    X(MATCH_KEYS, 0)                   \
    X(MATCH_CLASS, 0)                  \
    X(EXTENDED_ARG, 0)                 \
    /* SPECIALIZED: emitted only by the VM's specializer (vm/specialize.c) */ \
    WF_SPECIALIZED_OPCODES(X)


typedef enum {
#define WF_OPCODE_ENUM(name, cache) WF_OP_##name,
    WF_OPCODES(WF_OPCODE_ENUM)
#undef WF_OPCODE_ENUM
    WF_OP__COUNT
} WfOpcode;

_Static_assert(WF_OP__COUNT <= 256, "opcodes must fit in 8 bits");

extern const uint8_t wf_opcode_cache_units[256];  // vm/opcodes.c
extern const char *const wf_opcode_names[256];

#define WF_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define WF_INSTR_OP(unit) ((unit) & 0xff)
#define WF_INSTR_ARG(unit) ((unit) >> 8)

// BINARY_OP arguments (CPython's NB_* numbering).
#define WF_BINOPS(X) \
    X(ADD, "+") X(AND, "&") X(FLOOR_DIVIDE, "//") X(LSHIFT, "<<") X(MATRIX_MULTIPLY, "@") \
    X(MULTIPLY, "*") X(REMAINDER, "%") X(OR, "|") X(POWER, "**") X(RSHIFT, ">>") \
    X(SUBTRACT, "-") X(TRUE_DIVIDE, "/") X(XOR, "^") \
    X(INPLACE_ADD, "+=") X(INPLACE_AND, "&=") X(INPLACE_FLOOR_DIVIDE, "//=") X(INPLACE_LSHIFT, "<<=") \
    X(INPLACE_MATRIX_MULTIPLY, "@=") X(INPLACE_MULTIPLY, "*=") X(INPLACE_REMAINDER, "%=") \
    X(INPLACE_OR, "|=") X(INPLACE_POWER, "**=") X(INPLACE_RSHIFT, ">>=") X(INPLACE_SUBTRACT, "-=") \
    X(INPLACE_TRUE_DIVIDE, "/=") X(INPLACE_XOR, "^=")
typedef enum {
#define WF_BINOP_ENUM(name, sym) WF_BINOP_##name,
    WF_BINOPS(WF_BINOP_ENUM)
#undef WF_BINOP_ENUM
    WF_BINOP__COUNT
} WfBinop;

// CALL_INTRINSIC_1 / _2 arguments (CPython 3.12 numbering).
enum {
    WF_INTRINSIC_1_INVALID = 0, WF_INTRINSIC_PRINT = 1, WF_INTRINSIC_IMPORT_STAR = 2,
    WF_INTRINSIC_STOPITERATION_ERROR = 3, WF_INTRINSIC_ASYNC_GEN_WRAP = 4,
    WF_INTRINSIC_UNARY_POSITIVE = 5, WF_INTRINSIC_LIST_TO_TUPLE = 6,
};
enum { WF_INTRINSIC_2_INVALID = 0, WF_INTRINSIC_PREP_RERAISE_STAR = 1 };

// FORMAT_VALUE oparg (as CPython): low 2 bits conversion, bit 2 "has spec".
enum { WF_FVC_NONE = 0, WF_FVC_STR = 1, WF_FVC_REPR = 2, WF_FVC_ASCII = 3, WF_FVS_HAVE_SPEC = 4 };

// MAKE_FUNCTION flags (as CPython 3.12).
enum { WF_MKFN_DEFAULTS = 1, WF_MKFN_KWDEFAULTS = 2, WF_MKFN_ANNOTATIONS = 4, WF_MKFN_CLOSURE = 8 };

#endif
