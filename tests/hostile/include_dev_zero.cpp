// verdict: CE
// needs: namespaces cgroup
// harm: an endless include makes the compiler eat all memory; the compile's limits stop it.
#include "/dev/zero"
int main() {}
