# Covers how weft identifies itself as a free-threaded 3.14 build: sys.version and sys.version_info.
# Differs from CPython 3.11 on purpose (not a free-threading build, older version), so weft's stdout
# is compared with test_ft_version.expected instead of CPython's output.
import sys
print("'free-threading build' in sys.version:", "free-threading build" in sys.version)
print("version_info >= (3, 13):", sys.version_info >= (3, 13))
print("version_info >= (3, 11):", sys.version_info >= (3, 11))
