x = (
    1 +
    2
)
f(
    a,
    b=c,
)
class C(
    B,
):
    pass
y = [
    i
    for i in z
]
