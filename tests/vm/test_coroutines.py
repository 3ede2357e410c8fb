# Covers coroutines without an event loop: await chains, __await__, errors, reuse of an awaited coroutine.
async def a(): return 1
async def b(): return await a() + 1
c = b()
try: c.send(None)
except StopIteration as e: print("value", e.value)
class Aw:
    def __await__(self):
        x = yield "suspended"
        return x * 2
async def w():
    r = await Aw()
    return r
co = w()
print(co.send(None))
try: co.send(21)
except StopIteration as e: print("value", e.value)
async def bad(): await 5
try: bad().send(None)
except TypeError as e: print(e)
co = a(); co.close()
try:
    co.send(None)
except RuntimeError as e: print(e)
