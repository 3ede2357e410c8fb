# Covers __name__ == "__main__" in the script, and module __name__ when the same code is imported.
print("script __name__:", __name__)
if __name__ == "__main__":
    print("running as main")
    import mod_a
    print("imported mod_a, its __name__:", mod_a.__name__)
else:
    print("not main")
def main():
    return "main() called"
if __name__ == "__main__":
    print(main())
