# Cuts 5_copy_floor.cu into host-compilable parts: everything up to the launch code (the kernel and
# its helpers), and SliceFor (how the indices are split between launches).
import sys
src = open(sys.argv[1]).read().split("\n")
cut = next(i for i, l in enumerate(src) if l.startswith("// What one launch covers."))
s0 = next(i for i, l in enumerate(src) if l.startswith("// Launch l of `launches`"))
s1 = next(i for i, l in enumerate(src) if l.startswith("Slice SliceFor(")) 
s_end = next(i for i in range(s1, len(src)) if src[i] == "}")
out = src[:cut] + src[cut:cut + 4] + src[s0:s_end + 1] + ["}  // namespace"]
open(sys.argv[2], "w").write("\n".join(out) + "\n")
