# Covers user-defined exception classes: hierarchies, extra attributes, catching by base, str overrides.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, msg="db failure"):
        super().__init__(msg, table)
        self.table = table
class NotFound(DbError, ):
    def __str__(self):
        return "no row in " + self.table
def op(kind):
    if kind == 1:
        raise AppError("generic")
    if kind == 2:
        raise DbError("users")
    if kind == 3:
        raise NotFound("orders")
    return "ok"
for k in range(4):
    try:
        print(op(k))
    except NotFound as e:
        print("NotFound:", e, e.args, e.table, isinstance(e, AppError))
    except DbError as e:
        print("DbError:", e, e.args, e.table)
    except AppError as e:
        print("AppError:", e, repr(e))
class Retry(Exception):
    attempts = 0
def flaky():
    Retry.attempts += 1
    if Retry.attempts < 3:
        raise Retry("attempt %d" % Retry.attempts)
    return "succeeded after %d" % Retry.attempts
while True:
    try:
        print(flaky())
        break
    except Retry as e:
        print("retrying:", e)
class Validation(ValueError):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("%d errors" % len(errors))
try:
    raise Validation(["a", "b"])
except ValueError as e:
    print(type(e).__name__, e, e.errors, issubclass(type(e), ValueError))
try:
    raise AppError
except AppError as e:
    print(repr(e), e.args)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        pass
    except NotAnException:
        pass
    print("unused bad except clause is fine")
    try:
        raise ValueError
    except NotAnException:
        pass
except TypeError as e:
    print(type(e).__name__, e)
