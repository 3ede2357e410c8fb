# Covers async for / async with driven without an event loop, and their protocol TypeErrors.
class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        return self.i
class ACtx:
    async def __aenter__(self): print("aenter"); return "ctx"
    async def __aexit__(self, t, v, tb): print("aexit", t.__name__ if t else None); return True
async def main():
    total = 0
    async for v in AIter(4):
        total += v
    async with ACtx() as c:
        print("inside", c)
        raise ValueError("swallowed")
    try:
        async for x in 5: pass
    except TypeError as e: print(e)
    try:
        async with 5: pass
    except TypeError as e: print(e)
    return total
co = main()
try:
    co.send(None)
except StopIteration as e:
    print("result", e.value)
