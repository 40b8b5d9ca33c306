// verdict: CE
// needs:
// harm: a type whose name doubles 30 times: the error message alone would be gigabytes; the
// compile's memory, time and file-size limits stop it.
#include <utility>
template <int N> struct Twice {
  using T = std::pair<typename Twice<N - 1>::T, typename Twice<N - 1>::T>;
};
template <> struct Twice<0> {
  using T = int;
};
int main() { Twice<30>::T x = 1; }
