# Covers single inheritance: method overriding, super(), attribute lookup order, isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
    def describe(self):
        return self.kind() + ":" + self.name
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"
    def kind(self):
        return "puppy/" + super().kind()
a, d, p = Animal("generic"), Dog("rex"), Puppy("bit", 1)
for x in (a, d, p):
    print(x.speak(), x.describe(), x.kind(), type(x).__name__)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(issubclass(Dog, Dog), issubclass(Dog, object), issubclass(bool, int), isinstance(p, (int, Dog)))
print(Puppy.__bases__ == (Dog,), Dog.__base__ is Animal, Puppy.__mro__ == (Puppy, Dog, Animal, object))
print([c.__name__ for c in Puppy.__mro__], p.__dict__)
class Base:
    def __init__(self):
        self.log = ["base"]
class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append("child")
class GrandChild(Child):
    def __init__(self):
        super(GrandChild, self).__init__()
        self.log.append("grandchild")
print(GrandChild().log)
class NoInitChild(Base):
    pass
print(NoInitChild().log)
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
for sh in (Sq(3), Shape()):
    try:
        print(sh.area())
    except NotImplementedError as e:
        print(type(e).__name__, e)
class MyErr(ValueError):
    pass
print(issubclass(MyErr, Exception), MyErr.__mro__[1].__name__)
