# Covers sysconfig.get_config_var("Py_GIL_DISABLED"): 1 on weft, a free-threaded build.
# Differs from CPython 3.11 on purpose (the variable does not exist there: None), so weft's stdout
# is compared with test_ft_sysconfig.expected instead of CPython's output.
import sysconfig
v = sysconfig.get_config_var("Py_GIL_DISABLED")
print("Py_GIL_DISABLED:", v)
print("free-threaded build:", bool(v))
