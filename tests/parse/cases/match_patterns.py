match p:
    case (x, y):
        pass
    case [x, *rest]:
        pass
    case [*_]:
        pass
    case {'a': 1, **rest}:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2):
        pass
    case a.b.C():
        pass
    case -1:
        pass
    case 1 + 2j:
        pass
    case -1.5 - 3j:
        pass
    case (1 | 2) as z:
        pass
    case x if x > 0:
        pass
    case {}:
        pass
    case []:
        pass
    case ():
        pass
    case x, y:
        pass
    case *a, b:
        pass
