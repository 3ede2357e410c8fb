x: int
x: int = 5
a.b: str
a[0]: int = 1
(x): int = 2
(a.b): int
x: list[int] = []
x: int = yield
x: tuple = 1, 2
