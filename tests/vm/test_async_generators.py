# Covers async generators driven without an event loop: async for, asend, athrow, aclose, async comprehensions, PEP 479 for StopAsyncIteration.
async def agen(n):
    for i in range(n):
        x = yield i
        if x: print("got", x)
    print("agen done")
async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    print(out)
    g = agen(5)
    print(await g.__anext__(), await g.asend("hello"))
    try:
        await g.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow propagated", e)
    print(await g.aclose())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    async def catcher():
        try:
            yield 1
        except KeyError:
            yield "caught"
        finally:
            print("finally in agen")
    c = catcher()
    print(await c.__anext__(), await c.athrow(KeyError))
    await c.aclose()
    print([v async for v in agen(2)])
    def bad():
        pass
    async def stop():
        yield 1
        raise StopAsyncIteration
    try:
        async for _ in stop(): pass
    except RuntimeError as e:
        print("RE", e)
    return "main done"
co = main()
try:
    co.send(None)
except StopIteration as e:
    print(e.value)
