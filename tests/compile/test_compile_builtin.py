# compile()/exec()/eval() of source, and the SyntaxError fields the compiler reports.
print(eval("1 + 2 * 3"))
print(eval("[x * 2 for x in range(3)]"))
ns = {}
exec("def f(a):\n    return a + 1\nr = f(41)", ns)
print(ns["r"])
co = compile("x = 5", "<test>", "exec")
print(co.co_name, co.co_filename)
for src in ["return 1", "def f(a, a): pass", "def f():\n  x = 1\n  global x", "def f():\n  nonlocal x",
            "nonlocal x", "for x in y:\n  def f():\n    break", "continue", "yield 1", "class C:\n  yield 1",
            "await x", "def f(a):\n  global a", "def f():\n  print(x)\n  global x", "[(yield i) for i in x]",
            "f(a=1, a=2)", "[i := 0 for i in x]", "class C:\n  [y := 0 for i in x]",
            "try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass", "def f():\n  x: int\n  global x",
            "__debug__ = 1", "from __future__ import nope"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled?!", repr(src))
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)
def f(a, b=1, *c, d, **e):
    z = 3
    def inner():
        return z
    return inner
code = f.__code__
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_varnames, code.co_cellvars,
      code.co_freevars, code.co_nlocals, code.co_flags)
print(f(1, d=2).__code__.co_freevars, f(1, d=2).__code__.co_flags)
print(code.co_name, code.co_qualname, code.co_consts[0])
print(eval(compile("3 if True else 4", "<e>", "eval")))
