# Covers exec/eval/compile with globals and locals, class bodies with free variables, locals().
g = {}
exec("x = 1\ndef f(): return x + 1\ny = f()", g)
print(g['x'], g['y'])
l = {}
exec("a = 5\nb = a * 2", {}, l)
print(sorted(l.items()))
print(eval("1 + 2"), eval("x * 10", {'x': 3}), eval("y", {}, {'y': 7}))
def fn():
    z = 10
    return eval("z + 1")
print(fn())
def fl():
    q = 1
    return sorted(locals().keys())
print(fl())
code = compile("print('compiled', __name__)", "<s>", "exec")
exec(code)
exec(code, {'__name__': 'custom'})
def mk():
    v = 42
    class C:
        w = v
        def m(self): return v, __class__.__name__
    return C
print(mk().w, mk()().m())
ns = {}
exec("class D:\n    pass\nr = D.__name__", ns)
print(ns['r'])
try:
    exec("raise ValueError('in exec')")
except ValueError as e:
    print("caught", e)
try:
    eval("1 +")
except SyntaxError as e:
    print("SE", e.msg)
print(globals()['__name__'], type(globals()).__name__)
import builtins
print(builtins.len is len, __builtins__ is builtins or type(__builtins__).__name__)
