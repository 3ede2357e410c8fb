// complex.h — complex: a boxed pair of C doubles (real, imag).
// Invariant: both parts are immutable after creation.
#ifndef WF_COMPLEX_H
#define WF_COMPLEX_H

#include "objects/object.h"

typedef struct {
    WfObject ob_base;
    double real, imag;
} WfComplexObject;

extern WfTypeObject wf_complex_type;

WF_INLINE bool wf_complex_check(WfObject *o) { return wf_type_check(o, &wf_complex_type); }
WF_INLINE bool wf_complex_check_exact(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_complex_type; }
WF_INLINE double wf_complex_real(WfObject *o) { return ((WfComplexObject *)o)->real; }
WF_INLINE double wf_complex_imag(WfObject *o) { return ((WfComplexObject *)o)->imag; }

WfObject *wf_complex_new(double real, double imag);   // e.g. the constant of the literal 2j
WfObject *wf_complex_repr(WfObject *o);                // '(1+2j)', '1j', '(-0-0j)'

#endif
