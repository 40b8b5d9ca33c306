# The format's "rejected" folder promises no single verdict: an import skips it with a warning.
print("odd")
