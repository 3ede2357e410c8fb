x = f'{x!r:{w}}'
x = f'{x:{w}{p}}'
x = f'{"a":>3}'
x = f'''{x
+1}'''
f'{x}' f'''{y}'''
x = rb'\x' Rb"\y"
lambda: (yield)
x = 1 if 2 else 3 if 4 else 5
a = b = c = d
x = [i for i in range(3) if i if i]
@a
@b.c
@d()
class X: pass
async def f():
    async with a as (b, c): pass
x = not not not a
x = a if not b else c
print(*a, sep='')
x = {**a, **b}
x = [*a, *b]
del x[0], y.z
if x:
    pass
elif y:
    pass
for x in y: pass
else: pass
with a, b as c, d: pass
x = a[b, c:d, ...]
x = 0xFF_FF + 0o7_7 + 0b1_1
x = 1_2.3_4e5_6j
x = '\101\x41\u0041\U00000041'
x = b'\101'
x = ''' '' ' """ '''
x = (
'a'
'b'
)
try:
  pass
except* E:
  pass
match x:
  case {**rest}: pass
match x:
  case A.B(c, d=e): pass
x: 'int'
x = (yield)
def f(): return (yield from x)
x = (a := 1, b := 2)
f(a)[b](c).d
class A(B, C, metaclass=D, **e): pass
import a.b.c as d
from .a.b import (c)
x = a if b else(c)
x = [
]
x = 'a' 'b' f'c' 'd'
x = f'{a!r}' 'b' f'{c:d}'
assert (a, b)
raise a from b
x = a @ b @ c
x @= y
x = a // b // c
x = -1 ** 2
x = (-1) ** 2
x = 2 ** -1
x = ~-+1
while (x := f()): pass
x = [y for y in (z := w)]
nonlocal_ = global_ = 1
x = a.b.c.d.e
x = a[1][2][3]
x = lambda a, /, b, *, c: 0
x = lambda *a: 0
x = lambda **k: 0
x = lambda a=1, *b, c=2, **d: 0
def f(a, b=1, /, c=2, *d, e, f=3, **g): pass
x = 1.0e-10j
x = 0.0
x = 1e-7
x = 123e5
x = 1.5e300 * 1e10
x = '\t\x0b\x0c'
x = '\x7f\x80\xa0\xad'
x = '\u2028\u2029\ufeff'
x = '\U0001d11e'
x = '\ud800\udc00'
x = '\0'
x = b'\0\x00'
x = ''
x = b''
x = "'"
x = '"'
x = '\'"'
x = b'\'"'
if True:
	x = 1
	if x:
		y = 2
def f():
  """doc"""
  return
