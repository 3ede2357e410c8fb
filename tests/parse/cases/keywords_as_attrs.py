a.match = 1
match = 2
case = 3
_ = 4
type = 5
print(match, case, _)
match.x
match[0]
match(1)
