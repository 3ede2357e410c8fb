# Covers sys.flags.gil on a default run: None (neither PYTHON_GIL nor -X gil was given).
# Differs from CPython 3.11 on purpose (sys.flags has no gil field there), so weft's stdout is
# compared with test_ft_flags.expected instead of CPython's output.
import sys
print("sys.flags.gil:", getattr(sys.flags, "gil", "absent"))
print("has gil flag:", hasattr(sys.flags, "gil"))
