# sys.int_info and sys.float_info (struct sequences: repr, fields, indexing), and the
# int<->str digit limit: sys.get_int_max_str_digits / set_int_max_str_digits,
# sys.flags.int_max_str_digits (-1: not set by -X int_max_str_digits / PYTHONINTMAXSTRDIGITS).
import sys

print(sys.int_info)
print(sys.float_info)
print(type(sys.int_info).__name__, type(sys.float_info).__name__, len(sys.int_info), len(sys.float_info))
print(sys.int_info.bits_per_digit, sys.int_info[1], sys.int_info.default_max_str_digits,
      sys.int_info.str_digits_check_threshold)
fi = sys.float_info
print(fi.max, fi.max_exp, fi.max_10_exp, fi.min, fi.min_exp, fi.min_10_exp)
print(fi.dig, fi.mant_dig, fi.epsilon, fi.radix, fi.rounds)
print(fi.max == 1.7976931348623157e308, fi.epsilon == 2.0 ** -52, 1.0 + fi.epsilon > 1.0, fi[0] == fi.max)
print(tuple(sys.int_info), isinstance(sys.float_info, tuple))
try:
    sys.int_info.bits_per_digit = 1
except AttributeError as e:
    print("AttributeError")

print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits(), len(str(big)), int("1" * 5000) % 1000)
sys.set_int_max_str_digits(maxdigits=0)
print(sys.get_int_max_str_digits(), len(str(10 ** 20000)))
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
for args, kwargs in [((639,), {}), ((-1,), {}), ((1,), {}), (("x",), {}), ((1.5,), {}),
                     ((), {}), ((700, 800), {}), ((), {"digits": 700}), ((2 ** 40,), {})]:
    try:
        sys.set_int_max_str_digits(*args, **kwargs)
        print("ok", sys.get_int_max_str_digits())
    except Exception as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(4300)
print(sys.get_int_max_str_digits())
