// opcodes_specialized.h — specialized instruction forms, written only by the
// VM's specializer (vm/specialize.c). X(NAME, cache_units); cache_units equals
// the generic form's. Each form re-validates its cache on every execution and
// falls back to the generic behaviour (and eventually deoptimizes) on a miss;
// see vm/specialize.h for the cache layouts and the publication protocol.
#ifndef WF_OPCODES_SPECIALIZED_H
#define WF_OPCODES_SPECIALIZED_H
#define WF_SPECIALIZED_OPCODES(X)        \
    X(LOAD_GLOBAL_MODULE, 2)             \
    X(LOAD_GLOBAL_BUILTIN, 2)            \
    X(LOAD_ATTR_INSTANCE, 4)             \
    X(LOAD_ATTR_SLOT, 4)                 \
    X(LOAD_ATTR_CLASS_VALUE, 4)          \
    X(LOAD_ATTR_METHOD_NO_DICT, 4)       \
    X(LOAD_ATTR_METHOD_WITH_DICT, 4)     \
    X(LOAD_ATTR_MODULE, 4)               \
    X(LOAD_ATTR_TYPE, 4)                 \
    X(LOAD_ATTR_PROPERTY, 4)             \
    X(STORE_ATTR_INSTANCE, 2)            \
    X(STORE_ATTR_SLOT, 2)                \
    X(BINARY_OP_ADD_INT, 1)              \
    X(BINARY_OP_SUBTRACT_INT, 1)         \
    X(BINARY_OP_MULTIPLY_INT, 1)         \
    X(BINARY_OP_REMAINDER_INT, 1)        \
    X(BINARY_OP_FLOOR_DIVIDE_INT, 1)     \
    X(BINARY_OP_ADD_FLOAT, 1)            \
    X(BINARY_OP_SUBTRACT_FLOAT, 1)       \
    X(BINARY_OP_MULTIPLY_FLOAT, 1)       \
    X(BINARY_OP_TRUE_DIVIDE_FLOAT, 1)    \
    X(COMPARE_OP_INT, 1)                 \
    X(COMPARE_OP_FLOAT, 1)
#endif
