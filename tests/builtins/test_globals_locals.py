# Covers globals() and locals() at module and function level (user-defined names only), and globals writes.
g_value = 1
def show():
    a = 1
    b = "two"
    loc = locals()
    print(sorted(loc.items()))
    return loc
show()
user = sorted(k for k in globals() if not k.startswith("__"))
print(user)
globals()["made_by_globals"] = "yes"
print(made_by_globals)
print(globals()["g_value"], "show" in globals(), "__name__" in globals(), globals()["__name__"])
def with_args(x, *args, key=None, **kw):
    return sorted(locals())
print(with_args(1, 2, key=3, z=4))
def nested():
    outer_var = 10
    def inner():
        return outer_var + 1
    return inner()
print(nested(), locals() is globals())
class K:
    a = 1
    b = 2
    names = sorted(n for n in locals() if not n.startswith("__"))
print(K.names)
