async def f():
    await x
    await f(1)
    async with a as b:
        pass
    async with a, b:
        pass
    async with (a as b, c):
        pass
    async for x in y:
        pass
    else:
        pass
    return [x async for x in y]
    await (await x)
    r = await x ** 2
