# Helper module nested two levels deep.
print("pkg.inner.deep: executing, __name__ =", __name__)
DEEP = "deep value"
