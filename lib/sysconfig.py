"""Access to weft's configuration information (a subset of CPython's sysconfig)."""

import sys

_CONFIG_VARS = {
    "Py_GIL_DISABLED": 1,
    "Py_DEBUG": 0,
    "Py_ENABLE_SHARED": 0,
    "ABIFLAGS": "t",
    "SOABI": "cpython-314t-x86_64-linux-gnu",
    "EXT_SUFFIX": ".cpython-314t-x86_64-linux-gnu.so",
    "MULTIARCH": "x86_64-linux-gnu",
    "VERSION": "3.14",
    "py_version_nodot": "314",
    "prefix": sys.prefix,
    "exec_prefix": sys.exec_prefix,
    "WITH_DOC_STRINGS": 1,
}


def get_config_var(name):
    """Return the value of a single configuration variable, or None."""
    return _CONFIG_VARS.get(name)


def get_config_vars(*args):
    """With no arguments, return a dict of all configuration variables;
    with arguments, return a list of their values."""
    if args:
        return [_CONFIG_VARS.get(name) for name in args]
    return dict(_CONFIG_VARS)


def get_platform():
    return "linux-x86_64"


def get_python_version():
    return "3.14"
