// verdict: CE
// needs: namespaces
// harm: the compiler reading the answers: an error would quote them (1000000000007) in the log.
#include "@ROOT@/testcases/sum/01.json"
int main() {}
