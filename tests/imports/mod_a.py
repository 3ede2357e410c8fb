# Helper module for the import tests (not a test itself).
print("mod_a: executing, __name__ =", __name__)
VALUE = 42
_private = "hidden"
items = []
def double(x):
    return x * 2
class Greeter:
    def __init__(self, who):
        self.who = who
    def greet(self):
        return "hello " + self.who
def add_item(v):
    items.append(v)
    return len(items)
if __name__ == "__main__":
    print("mod_a run as main: should not print when imported")
