# Covers sys.exit(str): message goes to stderr as the last line, exit code 1.
import sys
print("about to exit with a message")
sys.exit("fatal: something went wrong")
