# Cuts 5_flash2.cu into a host-compilable kernel: drops the PTX wrappers (emu.cc brings warp-level
# emulations with the same names) and the host launch code.
import sys
src = open(sys.argv[1]).read().split("\n")
start = next(i for i, l in enumerate(src) if l.startswith("// PTX wrappers.")) - 1
end = next(i for i, l in enumerate(src) if l.startswith("// Two floats to one register"))
launch = next(i for i, l in enumerate(src) if l.startswith("void Launch("))
e0 = next(i for i, l in enumerate(src) if l.startswith("// 2^x on the special-function unit"))
e1 = next(i for i, l in enumerate(src) if l.startswith("// Max and sum over the 4 lanes"))
out = src[:start] + src[end:e0] + src[e1:launch - 1] + ["}  // namespace"]
open(sys.argv[2], "w").write("\n".join(out) + "\n")
