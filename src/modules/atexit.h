// atexit.h — running the `atexit` module's callbacks at interpreter exit.
#ifndef WF_MODULES_ATEXIT_H
#define WF_MODULES_ATEXIT_H

#include "objects/object.h"

WfObject *wf_atexit_module_new(void);
// Run and drop every registered callback, last registered first; a callback
// that raises is reported ("Exception ignored in atexit callback: ...") and
// the rest still run. Callbacks registered meanwhile run too.
void wf_atexit_run(void);

#endif
