# Covers PEP 585 generic aliases: list[int] reprs, annotations, calling, equality, __origin__/__args__, unions, subclassing list[int].
print(list[int], dict[str, int], tuple[int, ...], set[int], frozenset[str], tuple[()], list[list[int]], enumerate[str])
def f(x: list[int]) -> dict[str, list[int]]: return x
print(f([1]), f.__annotations__)
print(list[int]([1, 2]), list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(list[int].__origin__, list[int].__args__, list[int].__parameters__, dict[str, int].__args__)
try: isinstance([], list[int])
except TypeError as e: print(e)
print(list[int] | None, int | list[str])
class My(list[int]): pass
print(My.__mro__, My([3]))
print(type(list[int]), list[int].append)
print(repr(dict[str, "X"]), tuple[int, str], list[int].__class__)
