// structseq.h — struct sequences: tuple subclasses with named fields
// (sys.version_info, sys.flags, time.struct_time). Types are created once at
// start-up and are immortal; instances are ordinary (refcounted) tuples.
#ifndef WF_STRUCTSEQ_H
#define WF_STRUCTSEQ_H

#include "objects/object.h"

// name: the qualified name ("sys.version_info"); fields: NULL-terminated.
WfTypeObject *wf_structseq_new_type(const char *name, const char *const *fields);
// New instance; steals every value.
WfObject *wf_structseq_new(WfTypeObject *type, WfObject **values);

#endif
