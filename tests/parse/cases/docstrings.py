'''module doc'''
class A:
    """class doc"""
    def f(self):
        r'''raw doc \n'''
