# Covers sys.argv (basename only), sys.path type, sys.modules, sys.version and version_info comparisons.
import sys
print(len(sys.argv), sys.argv[0].replace("\\", "/").split("/")[-1], type(sys.argv).__name__)
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path), len(sys.path) > 0)
print("sys" in sys.modules, sys.modules["sys"] is sys, type(sys.modules).__name__)
print(sys.version_info >= (3, 11), sys.version_info[0], sys.version_info.major, sys.version_info > (3,), sys.version_info < (4,))
print(isinstance(sys.version, str), sys.version.startswith("3."), sys.getrecursionlimit())
print(sys.stdout is not None, sys.stderr is not None, hasattr(sys, "exit"), callable(sys.exit))
print(sys.__name__, type(sys).__name__)
