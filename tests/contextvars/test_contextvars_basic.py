# contextvars.ContextVar and Token: get/set/reset, defaults, LookupError, Token fields and misuse errors, reprs without addresses.
import contextvars
from contextvars import ContextVar, Token, Context, copy_context


def clean(text):
    # Drop the addresses (" at 0x...") from reprs.
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


print(ContextVar, Token, Context, sorted(contextvars.__all__))
print(copy_context.__name__, ContextVar.__name__, Token.__module__)

v = ContextVar('v')
d = ContextVar('d', default=42)
n = ContextVar('n', default=None)
print(v.name, d.name, clean(repr(v)), clean(repr(d)), clean(repr(n)))
show('get unset', v.get)
try:
    v.get()
except LookupError as e:
    print('LookupError arg is the var', e.args[0] is v, len(e.args))
show('get with default arg', lambda: v.get('dflt'))
show('get None default arg', lambda: v.get(None))
show('get var default', d.get)
show('get default arg wins', lambda: d.get(0))
show('get None var default', n.get)
show('get keyword', lambda: v.get(default=1))
show('get too many', lambda: v.get(1, 2))

t1 = v.set('one')
print('after set', v.get(), v.get('ignored'), clean(repr(t1)))
print('token', t1.var is v, t1.old_value is Token.MISSING, clean(repr(t1.old_value)))
t2 = v.set('two')
print('token 2 old value', t2.old_value, v.get())
v.reset(t2)
print('after reset 2', v.get(), clean(repr(t2)))
show('reset again', lambda: v.reset(t2))
v.reset(t1)
show('after reset 1', v.get)
print('default after reset', v.get('x'))

td = d.set(1)
print(d.get(), td.old_value is Token.MISSING)
d.reset(td)
print('var default back', d.get())

# Token misuse.
tv = v.set(1)
show('reset with other var', lambda: d.reset(tv))
show('reset with non-token', lambda: v.reset('token'))
show('reset with None', lambda: v.reset(None))
ctx = copy_context()
tok_in_ctx = ctx.run(v.set, 2)
show('reset in another context', lambda: v.reset(tok_in_ctx))
print('still', v.get(), ctx[v])
v.reset(tv)

# Constructor and attribute errors.
show('ContextVar()', lambda: ContextVar())
show('ContextVar(1)', lambda: ContextVar(1))
show('ContextVar(b"x")', lambda: ContextVar(b'x'))
show('ContextVar two positional', lambda: ContextVar('a', 1))
show('ContextVar keyword name', lambda: ContextVar(name='kw').name)
show('ContextVar bad keyword', lambda: ContextVar('a', dflt=1))
show('Token()', lambda: Token())
show('set name', lambda: setattr(v, 'name', 'w'))
show('set token var', lambda: setattr(tv, 'var', d))
show('subclass', lambda: type('Sub', (ContextVar,), {}))
show('subclass Token', lambda: type('Sub', (Token,), {}))
show('subclass Context', lambda: type('Sub', (Context,), {}))

# Identity semantics: hashable, equal only to itself.
a1, a2 = ContextVar('same'), ContextVar('same')
print(a1 == a1, a1 == a2, hash(a1) == hash(a1), len({a1, a2, a1}))
print(ContextVar[int], Token[str])

# Values of every kind; set() returns a fresh token each time.
w = ContextVar('w')
vals = [0, '', None, [1], {'k': 'v'}, (1, 2), 3.5]
toks = [w.set(x) for x in vals]
print([w.get()], len(set(map(id, toks))))
for t in reversed(toks):
    w.reset(t)
show('all reset', w.get)
