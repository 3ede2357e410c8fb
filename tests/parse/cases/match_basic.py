match x:
    case 1:
        pass
    case 'a' | 'b':
        pass
    case None:
        pass
    case True | False:
        pass
    case _:
        pass
