# contextvars.Context: run (args, kwargs, exceptions, nesting, re-entry), copy, copy_context, and the mapping protocol.
from contextvars import ContextVar, Context, copy_context


def clean(text):
    while ' at 0x' in text:
        i = text.index(' at 0x')
        j = i + 6
        while j < len(text) and text[j] in '0123456789abcdef':
            j += 1
        text = text[:i] + text[j:]
    return text


def show(label, fn):
    try:
        print(label, clean(repr(fn())))
    except Exception as e:
        print(label, type(e).__name__, clean(str(e)))


a = ContextVar('a', default='A0')
b = ContextVar('b')
c = ContextVar('c')


def snapshot(ctx):
    # The mapping protocol, in a deterministic order (iteration order is unspecified).
    items = sorted((var.name, val) for var, val in ctx.items())
    keys = sorted(var.name for var in ctx.keys())
    vals = sorted(map(repr, ctx.values()))
    it = sorted(var.name for var in ctx)
    return items, keys == [k for k, _ in items] == it, vals == sorted(repr(v) for _, v in items), len(ctx)


empty = Context()
print('empty', snapshot(empty), a in empty, empty.get(a), empty.get(a, 'd'))
show('Context(1)', lambda: Context(1))
show('Context(x=1)', lambda: Context(x=1))
show('empty[a]', lambda: empty[a])
show('empty[1]', lambda: empty[1])
show('1 in empty', lambda: 1 in empty)
show('empty.get("a")', lambda: empty.get('a'))
show('empty.get()', lambda: empty.get())
show('hash', lambda: hash(empty))

b.set(1)
c.set([2])
base = copy_context()
print('copy_context', snapshot(base), base[b], base.get(c), a in base, b in base)
try:
    base[a]
except KeyError as e:
    print('KeyError arg is the var', e.args[0] is a)

# run: arguments, return value, changes stay inside the context.
def work(x, y=0, *rest, **kw):
    a.set('in run')
    b.set(b.get() + x + y)
    return (x, y, rest, sorted(kw.items()), a.get(), b.get())


print('run', base.run(work, 10, 20, 30, k='w'))
print('outside', a.get(), b.get(), 'inside', base[a], base[b])
print('snapshot after run', snapshot(base))
print('run again sees its own changes', base.run(lambda: (a.get(), b.get())))
show('run()', lambda: base.run())
show('run(1)', lambda: base.run(1))
show('run keyword callable', lambda: base.run(callable=print))
print('run builtin', base.run(max, 3, 9, 4), base.run(dict, x=1))

# An exception leaves the context's changes in place and propagates.
def fail():
    c.set('changed before failing')
    raise ValueError('inner')


try:
    base.run(fail)
except ValueError as e:
    print('propagated', e, '| ctx c =', base[c], '| outside c =', c.get())

# The context is current only during run; re-entering it raises.
def reenter():
    return base.run(lambda: 'never')


show('re-enter', lambda: base.run(reenter))
show('run after failed re-entry', lambda: base.run(a.get))

# Nesting two different contexts.
other = Context()


def outer():
    a.set('outer')
    inner_result = other.run(lambda: (a.get(), b.get('unset in other')))
    return inner_result, a.get()


print('nested', base.run(outer), a.get())

# copy() is a snapshot: later changes on either side are not shared.
snap = base.copy()
base.run(a.set, 'changed in base')
snap.run(b.set, 'changed in snap')
print('base', snapshot(base))
print('snap', snapshot(snap))
print('equal', snap == base, snap.copy() == snap, Context() == Context(), snap != base, base == 1)

# copy_context() inside run copies the running context.
inner_copy = base.run(copy_context)
print('copy inside run', inner_copy == base, inner_copy is base, snapshot(inner_copy) == snapshot(base))

# Tokens from inside a run reset inside a run of the same context.
tok = base.run(c.set, 'tok value')
base.run(c.reset, tok)
print('reset inside run', base.get(c))
show('token reset outside', lambda: c.reset(tok))

# Many variables.
vars_ = [ContextVar('v%d' % i, default=i) for i in range(50)]
ctx = Context()


def fill():
    for i, var in enumerate(vars_):
        if i % 2:
            var.set(i * 100)


ctx.run(fill)
print('many', len(ctx), sum(ctx.values()), sum(var.get() for var in vars_),
      ctx.run(lambda: sum(var.get() for var in vars_)))
print(sorted(n for n in dir(Context) if not n.startswith('_')))
