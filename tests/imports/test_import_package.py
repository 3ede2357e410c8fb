# Covers packages: import pkg, pkg.sub, from pkg import sub, nested packages, relative imports in pkg.
import pkg
print(pkg.PKG_VAR, pkg.pkg_func(), pkg.__name__)
import pkg.sub
print(pkg.sub.SUB_VAR, pkg.sub.sub_func(1))
from pkg import sub
print(sub is pkg.sub, sub.__name__)
from pkg.sub import sub_func, SUB_VAR
print(sub_func(2), SUB_VAR)
import pkg.inner.deep
print(pkg.inner.deep.DEEP, pkg.inner.__name__)
import pkg.inner.deep as d
print(d is pkg.inner.deep, d.__name__)
from pkg.inner import deep
print(deep.DEEP)
from pkg import rel
print(rel.describe())
import sys
print(sorted(k for k in sys.modules if k.startswith("pkg")))
