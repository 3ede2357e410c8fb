@dec
def f(): pass
@dec(1)
@dec.attr
@dec[0]
def f(): pass
@a.b.c(d)(e)
class C: pass
@(lambda f: f)
def g(): pass
@x := y
def h(): pass
@dec
async def k(): pass
