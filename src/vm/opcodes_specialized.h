// opcodes_specialized.h — specialized instruction forms, written only by the
// VM's specializer. X(NAME, cache_units); cache_units equals the generic form's.
#ifndef WF_OPCODES_SPECIALIZED_H
#define WF_OPCODES_SPECIALIZED_H
#define WF_SPECIALIZED_OPCODES(X)
#endif
