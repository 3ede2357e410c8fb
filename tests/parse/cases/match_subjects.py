match a, b:
    case _: pass
match *a, b:
    case _: pass
match (x := 1):
    case _: pass
match -x:
    case _: pass
match x.y:
    case a.b: pass
