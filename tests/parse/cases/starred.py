a = *b, c
print(*a)
[*a]
{*a}
(*a,)
for *a, b in c: pass
return_ = [*range(3), *[4]]
